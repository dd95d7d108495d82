import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { analyze } from '../engine/index.js';

// Placeholder shell until the lab UI lands: shows the engine's view of a tiny scenario.
const analysis = analyze([{ name: 'pods.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: nginx}]}\n' }]);

function App() {
  return (
    <main>
      <h1>Kube Security Lab</h1>
      <p>{analysis.pods.length} pods analysed.</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
