import { clientGolang, defenseKpis } from 'panelcraft';

export default defenseKpis({ convention: clientGolang(), job: 'go-service' });
