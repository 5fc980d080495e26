// Tests eval/confidence-calibration.ts and holds "check this" to what it achieves on the regression sets, so a change
// that flags fewer of the engine's mistakes, or holds back more of its right answers, fails CI. It lives here because
// vitest.config.mts includes scripts/** but not eval/**.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { calibrate } from '@eval/confidence-calibration';
import { fixturePaths, loadFixture } from '@eval/gold';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, 'eval', 'fixtures');
const DIRS = [
  DIR,
  ...readdirSync(DIR)
    .filter((n) => statSync(join(DIR, n)).isDirectory())
    .map((n) => join(DIR, n)),
];

// Figures of the round that built it (all sets): actors 5 of 27 wrong flagged, 18 of 429 right; dates 13 of 31 wrong,
// 24 of 571 right; roles 0 of 2 wrong, 0 of 122 right. Floors sit just under; ceilings just over.
const FLOORS = {
  actors: { wrongFlaggedAtLeast: 0.15, rightFlaggedAtMost: 0.06 },
  dates: { wrongFlaggedAtLeast: 0.3, rightFlaggedAtMost: 0.06 },
  roles: { wrongFlaggedAtLeast: 0, rightFlaggedAtMost: 0.03 },
};

describe('"check this" on the regression sets', () => {
  const c = calibrate(DIRS.flatMap((dir) => fixturePaths(dir).map((p) => loadFixture(p, ROOT))));

  it.each(['actors', 'dates', 'roles'] as const)(
    '%s: flags the mistakes it did, and holds back no more right answers',
    (kind) => {
      const t = c[kind];
      const wrong = t.sureWrong + t.checkWrong;
      const right = t.sureRight + t.checkRight;
      expect(wrong + right).toBeGreaterThan(0);
      expect(t.checkWrong / Math.max(1, wrong), `${kind}: share of wrong items flagged`).toBeGreaterThanOrEqual(
        FLOORS[kind].wrongFlaggedAtLeast,
      );
      expect(t.checkRight / right, `${kind}: share of right items flagged`).toBeLessThanOrEqual(
        FLOORS[kind].rightFlaggedAtMost,
      );
    },
    60_000,
  );

  it('lists every item with its verdict, so a reader can see what was flagged and why', () => {
    expect(c.lines.some((l) => /: check (right|WRONG): .*\(.+\)$/.test(l))).toBe(true);
  });
});
