import { describe, expect, it } from 'vitest';
import { brokenFiles, lastParsedView } from './cluster-view.js';
import { createShell } from './index.js';

// Issue 10 "One truth when YAML is broken": the graph keeps the last analysis in which every file
// parsed (state/analysis.ts nextDerived); the terminal's cluster is the same files, and it says so.
const POD = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: nginx\n`;
const BROKEN = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\nspec: {}\n';

describe('brokenFiles', () => {
  it('names each YAML file with a syntax error and the line its first error is marked on (as the editor marks it)', () => {
    expect(brokenFiles([{ name: 'a.yaml', text: POD('a') }, { name: 'b.yaml', text: BROKEN }])).toEqual([{ file: 'b.yaml', line: 5 }]);
  });
  it('ignores files that are not YAML (a Dockerfile is not parsed as YAML)', () => {
    expect(brokenFiles([{ name: 'Dockerfile', text: 'FROM x\n  : [' }])).toEqual([]);
  });
});

describe('lastParsedView', () => {
  it('keeps the last set of files that all parsed while one is broken, and names it', () => {
    const view = lastParsedView();
    const good = [{ name: 'a.yaml', text: POD('a') }];
    expect(view(good)).toEqual({ files: good, broken: [] });
    const bad = [{ name: 'a.yaml', text: BROKEN }];
    expect(view(bad)).toEqual({ files: good, broken: [{ file: 'a.yaml', line: 5 }] });
    const fixed = [{ name: 'a.yaml', text: POD('b') }];
    expect(view(fixed)).toEqual({ files: fixed, broken: [] });
  });
  it('before any version parsed, the files as they are (the engine reports the error)', () => {
    const bad = [{ name: 'a.yaml', text: BROKEN }];
    expect(lastParsedView()(bad)).toEqual({ files: bad, broken: [] });
  });
});

describe('the shell while a file is broken', () => {
  it('kubectl answers from the last parsed version and says which file is broken; cat shows the file as it is', () => {
    const sh = createShell({ files: [{ name: 'pod.yaml', text: POD('web') }] });
    expect(sh.run('kubectl get pods -o name').output).toBe('pod/web\n');
    sh.setFiles([{ name: 'pod.yaml', text: BROKEN }]);
    const get = sh.run('kubectl get pods -o name');
    expect(get.output).toBe('pod/web\n');
    expect(get.stale).toEqual([{ file: 'pod.yaml', line: 5 }]);
    const cat = sh.run('cat pod.yaml');
    expect(cat.output).toBe(BROKEN);
    expect(cat.stale).toBeUndefined();
    sh.setFiles([{ name: 'pod.yaml', text: POD('api') }]);
    const after = sh.run('kubectl get pods -o name');
    expect(after.output).toBe('pod/api\n');
    expect(after.stale).toBeUndefined();
  });
  it('a cluster view given by the lab (the graph\'s last good files) is the one used', () => {
    const shown = [{ name: 'pod.yaml', text: POD('shown') }];
    const sh = createShell({ files: [{ name: 'pod.yaml', text: BROKEN }], clusterView: () => ({ files: shown, broken: [{ file: 'pod.yaml', line: 5 }] }) });
    const r = sh.run('kubectl get pods -o name');
    expect(r.output).toBe('pod/shown\n');
    expect(r.stale).toEqual([{ file: 'pod.yaml', line: 5 }]);
  });
});
