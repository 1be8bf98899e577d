import { clientGolang, routeMatrix } from 'panelcraft';

export default routeMatrix({ convention: clientGolang(), job: 'go-service' });
