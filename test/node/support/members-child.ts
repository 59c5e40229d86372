// Child: lists every member of fs and fs.promises this Node has, at run time, with the class our table gives it.
import fs from 'node:fs';
import { builtOnRouted, dataMembers, passedThrough, routedFs, routedPromises } from '../../../src/node/index.js';

function classify(key: string, routed: ReadonlyMap<string, unknown>): string[] {
  const classes: string[] = [];
  const bare = key.replace(/^promises\./, '');
  if (routed.has(bare)) classes.push('routed');
  if (key in builtOnRouted) classes.push('builtOnRouted');
  if (key in passedThrough) classes.push('passedThrough');
  if (dataMembers.has(key)) classes.push('data');
  return classes;
}

const report: Record<string, string[]> = {};
for (const key of Reflect.ownKeys(fs)) {
  if (typeof key !== 'string') continue;
  report[key] = classify(key, routedFs);
}
for (const key of Reflect.ownKeys(fs.promises)) {
  if (typeof key !== 'string') continue;
  report[`promises.${key}`] = classify(`promises.${key}`, routedPromises);
}
process.stdout.write(JSON.stringify(report));
