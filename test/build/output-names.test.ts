import { describe, expect, it } from 'vitest';
import { outputNameProblems } from '../../src/build/output-names.ts';
import { planWrites } from '../../src/build/plan-writes.ts';

const check = (...paths: string[]) => outputNameProblems(paths, (p) => `provisioning/${p}`).map((d) => d.message);

describe('outputNameProblems', () => {
  it('accepts ordinary, non-ASCII and 255-byte names', () => {
    expect(
      check(
        'dashboards/payments/payments-overview.json',
        'dashboards/支付/概览.json',
        `dashboards/${'a'.repeat(250)}.json`,
        'datasources/prometheus.yaml',
      ),
    ).toEqual([]);
  });

  it.each([
    ['/etc/passwd', 'output path "/etc/passwd" is not relative to the output folder; panelcraft writes only inside it'],
    ['C:/x.json', 'output path "C:/x.json" is not relative to the output folder; panelcraft writes only inside it'],
    [
      'dashboards/../x.json',
      'output path "dashboards/../x.json" has a ".." part and would leave its folder; panelcraft writes only inside the output folder',
    ],
    [
      'dashboards//x.json',
      'output path "dashboards//x.json" has a empty part and would leave its folder; panelcraft writes only inside the output folder',
    ],
    [
      'dashboards/a\tb.json',
      'name "a\\tb.json" holds the control character U+0009; no file system or checkout takes it safely',
    ],
    [
      'dashboards/Lpt9.json',
      'name "Lpt9.json" is a device name on Windows (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with any extension); a checkout there fails',
    ],
    [
      'dashboards/nul.tar.json',
      'name "nul.tar.json" is a device name on Windows (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with any extension); a checkout there fails',
    ],
    [
      'dashboards/a:b.json',
      'name "a:b.json" holds a character Windows does not allow in names (< > : " | ? * \\); a checkout there fails',
    ],
    [
      'dashboards/team./x.json',
      'name "team." ends with a dot or space, which Windows drops; a checkout there names it differently',
    ],
    [
      `dashboards/${'é'.repeat(128)}.json`,
      `name "${'é'.repeat(40)}…" is 261 bytes long; file systems take at most 255`,
    ],
  ])('refuses %j', (p, message) => {
    expect(check(p)).toEqual([message]);
  });

  it('does not mistake names that only start like a device name', () => {
    expect(check('dashboards/console.json', 'dashboards/com10.json', 'dashboards/auxiliary.json')).toEqual([]);
  });

  it('refuses names equal after case folding or Unicode normalization', () => {
    expect(check('dashboards/caf\u00e9.json', 'dashboards/cafe\u0301.json')).toEqual([
      'provisioning/dashboards/caf\u00e9.json and provisioning/dashboards/cafe\u0301.json differ only in case or Unicode normalization; on macOS and Windows they are one file, so one would overwrite the other',
    ]);
  });
});

describe('outputNameProblems on huge paths (found by the fuzz suite)', () => {
  it('refuses a 400 000-part path at once instead of building every prefix', () => {
    const path = `dashboards/${'a/'.repeat(200_000)}x.json`;
    const t0 = performance.now();
    expect(check(path)).toEqual([
      `output path "${path.slice(0, 60)}…" is 400017 bytes long; file systems take at most 4096`,
    ]);
    expect(
      planWrites([{ path, contents: '{}' }], { files: new Map() }, { outLabel: 'provisioning' }).diagnostics,
    ).toHaveLength(1);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

describe('outputNameProblems asked again (dev checks the same paths after every save)', () => {
  it('answers each list as if asked first: a clean list once seen does not hide problems of another', () => {
    const collision = [
      'provisioning/dashboards/a.json and provisioning/dashboards/A.json differ only in case or Unicode normalization; on macOS and Windows they are one file, so one would overwrite the other',
    ];
    expect(check('dashboards/a.json', 'dashboards/b.json')).toEqual([]);
    expect(check('dashboards/a.json', 'dashboards/b.json')).toEqual([]);
    expect(check('dashboards/a.json', 'dashboards/A.json')).toEqual(collision);
    expect(check('dashboards/a.json', 'dashboards/A.json')).toEqual(collision);
    expect(check('a', 'b')).toEqual([]);
    expect(check('a\0b')).toHaveLength(1); // not the clean list above joined
    expect(check('a', 'b')).toEqual([]);
  });
});
