import { expect, test } from 'vitest';
test('runs on node >= 22.12', () => {
  const [major, minor] = process.versions.node.split('.').map(Number);
  expect(major! * 100 + minor!).toBeGreaterThanOrEqual(2212);
});
