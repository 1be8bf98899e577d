import { clientGolang, teachingDemo } from 'panelcraft';

export default teachingDemo({ convention: clientGolang(), job: 'go-service' });
