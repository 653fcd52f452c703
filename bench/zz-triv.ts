import { launch } from '../tests/e2e/harness';
const mutual = await launch();
const t: number[] = [];
for (let i = 0; i < 9; i++) {
  const p = await mutual.openPopup();
  await p.waitForFunction(() => performance.getEntriesByName('mutual:results-painted').length > 0);
  t.push(await p.evaluate(() => performance.getEntriesByName('mutual:results-painted')[0]!.startTime));
  await p.close();
}
console.log(t.map((x) => x.toFixed(0)).join(' '));
await mutual.close();
