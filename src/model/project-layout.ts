/** Where a project's dashboards live below its root; the folder name below it is the Grafana folder title. */
export const DASHBOARDS_DIR = 'dashboards';

/** Where the build writes, below the root; mounts unchanged as /etc/grafana/provisioning. */
export const OUT_DIR = 'provisioning';

/** Where a project's alert and recording rule sources live below its root. */
export const ALERTS_DIR = 'alerts';
