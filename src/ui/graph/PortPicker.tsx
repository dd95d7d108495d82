/**
 * PortPicker — choose the port the graph and matrix show.
 *
 * Props: `{ analysis: Analysis; value: PortProto | 'any'; onChange(v: PortProto | 'any'): void }`
 * Lists "any port" and every port in play (`analysis.network.allPorts()`, sorted by protocol then
 * port). A chosen port that is no longer in play stays listed so the control never jumps.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Analysis, PortProto } from '../../engine/model/index.js';
import { parsePortChoice, portChoiceKey, portLabel, samePort, type PortChoice } from './flows.js';
import './graph.css';

export interface PortPickerProps {
  analysis: Analysis;
  value: PortProto | 'any';
  onChange(v: PortProto | 'any'): void;
}

/** The options, in order; pure so it is tested without a DOM. */
export function portOptions(inPlay: readonly PortProto[], value: PortChoice): PortProto[] {
  const list = [...inPlay];
  if (value !== 'any' && !list.some((p) => samePort(p, value))) list.push(value);
  return list;
}

export function PortPicker({ analysis, value, onChange }: PortPickerProps) {
  const { t } = useTranslation('graph');
  const id = useId();
  const options = portOptions(analysis.network.allPorts(), value);
  return (
    <span className="ksl-portpicker">
      <label htmlFor={id}>{t('port')}</label>{' '}
      <select
        id={id}
        data-testid="port-picker"
        value={portChoiceKey(value)}
        onChange={(e) => onChange(parsePortChoice(e.target.value))}
      >
        <option value="any">{t('anyPort')}</option>
        {options.map((p) => (
          <option key={portLabel(p)} value={portLabel(p)}>{portLabel(p)}</option>
        ))}
      </select>
    </span>
  );
}
