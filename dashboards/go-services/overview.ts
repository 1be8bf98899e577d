import { clientGolang, goServiceOverview } from 'panelcraft';

export default goServiceOverview({ convention: clientGolang(), job: 'go-service' });
