import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine/index.js';
import { scenarioFiles, scenarioNames } from '../../testing/scenario-files.js';
import { probePortOf } from '../../worker/pack.js';
import { probePort } from './flows.js';

// The analysis worker sends verdicts on the graph's probe port ("any other port"): both rules agree.
describe('the worker answers on the port the graph probes', () => {
  it.each(scenarioNames())('%s', (name) => {
    const network = analyze(scenarioFiles(name)).network;
    expect(probePortOf(network)).toEqual(probePort(network));
  });
});
