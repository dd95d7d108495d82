/**
 * The part of gopkg.in/yaml.v2 v2.4.0 (sigs.k8s.io/yaml's goyaml.v2) that `kubectl -o yaml`
 * goes through, for JSON-like values: encode.go (stringv picks literal for text with a newline,
 * plain when the text would read back as a string, else double quotes; intv, floatv, nilv;
 * sorter.go's key order) and emitterc.go (block mappings, indentless sequences under a mapping
 * key, `{}`/`[]` for empty ones, yaml_emitter_analyze_scalar, select_scalar_style, and the plain,
 * single-quoted, double-quoted and literal writers with their folding at column 80 and block
 * hints). Columns count runes as the emitter does.
 */

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

const enc = new TextEncoder();

/** UTF-8 byte width of the rune starting with byte b (yamlprivateh.go width). */
function width(b: number): number {
  if ((b & 0x80) === 0) return 1;
  if ((b & 0xe0) === 0xc0) return 2;
  if ((b & 0xf0) === 0xe0) return 3;
  if ((b & 0xf8) === 0xf0) return 4;
  return 0;
}

const at = (b: Uint8Array, i: number): number => b[i] ?? 0;

function isPrintable(b: Uint8Array, i: number): boolean {
  const c = at(b, i);
  const c1 = at(b, i + 1);
  const c2 = at(b, i + 2);
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c === 0xc2 && c1 >= 0xa0) || (c > 0xc2 && c < 0xed) || (c === 0xed && c1 < 0xa0) || c === 0xee
    || (c === 0xef && !(c1 === 0xbb && c2 === 0xbf) && !(c1 === 0xbf && (c2 === 0xbe || c2 === 0xbf)));
}
const isSpace = (b: Uint8Array, i: number): boolean => at(b, i) === 0x20;
function isBreak(b: Uint8Array, i: number): boolean {
  const c = at(b, i);
  return c === 0x0d || c === 0x0a || (c === 0xc2 && at(b, i + 1) === 0x85) || (c === 0xe2 && at(b, i + 1) === 0x80 && (at(b, i + 2) === 0xa8 || at(b, i + 2) === 0xa9));
}
const isBlank = (b: Uint8Array, i: number): boolean => at(b, i) === 0x20 || at(b, i) === 0x09;
const isBlankz = (b: Uint8Array, i: number): boolean => i >= b.length || isBlank(b, i) || isBreak(b, i) || at(b, i) === 0;
/** is_bom looks at the start of the value whatever i is (emitterc.go's double-quoted writer relies on that). */
const isBom = (b: Uint8Array): boolean => at(b, 0) === 0xef && at(b, 1) === 0xbb && at(b, 2) === 0xbf;

type Style = 'plain' | 'single' | 'double' | 'literal';

interface Analysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** yaml_emitter_analyze_scalar. */
function analyze(value: Uint8Array): Analysis {
  if (value.length === 0) return { multiline: false, flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (value.length >= 3 && ((value[0] === 0x2d && value[1] === 0x2d && value[2] === 0x2d) || (value[0] === 0x2e && value[1] === 0x2e && value[2] === 0x2e))) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0, w = 0; i < value.length; i += w) {
    w = width(at(value, i)) || 1;
    const followedByWhitespace = i + w >= value.length || isBlank(value, i + w);
    const ch = String.fromCharCode(at(value, i));
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (ch === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else if (',?[]{}'.includes(ch)) {
      flowIndicators = true;
    } else if (ch === ':') {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (ch === '#' && precededByWhitespace) {
      flowIndicators = true;
      blockIndicators = true;
    }
    // The encoder sets unicode output: only unprintable runes are special.
    if (!isPrintable(value, i)) specialCharacters = true;
    if (isSpace(value, i)) {
      if (i === 0) leadingSpace = true;
      if (i + w === value.length) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(value, i)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i + w === value.length) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(value, i);
  }
  const a: Analysis = { multiline: lineBreaks, flowPlainAllowed: true, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (flowIndicators) a.flowPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

class Emitter {
  private readonly bytes: number[] = [];
  column = 0;
  whitespace = true;
  indention = true;
  indent = -1;
  private readonly indents: number[] = [];

  text(): string {
    return new TextDecoder().decode(new Uint8Array(this.bytes));
  }

  put(c: number): void {
    this.bytes.push(c);
    this.column++;
  }

  putBreak(): void {
    this.bytes.push(0x0a);
    this.column = 0;
  }

  /** write: one rune, one column. Returns the next index. */
  write(s: Uint8Array, i: number): number {
    const w = width(at(s, i)) || 1;
    for (let k = 0; k < w; k++) this.bytes.push(at(s, i + k));
    this.column++;
    return i + w;
  }

  writeBreak(s: Uint8Array, i: number): number {
    if (at(s, i) === 0x0a) {
      this.putBreak();
      return i + 1;
    }
    const next = this.write(s, i);
    this.column = 0;
    return next;
  }

  writeIndent(): void {
    const indent = Math.max(0, this.indent);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(0x20);
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(0x20);
    const b = enc.encode(indicator);
    for (let i = 0; i < b.length;) i = this.write(b, i);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  // ---- scalars ----

  plain(v: Uint8Array, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(0x20);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < v.length;) {
      if (isSpace(v, i)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && !isSpace(v, i + 1)) {
          this.writeIndent();
          i += 1;
        } else i = this.write(v, i);
        spaces = true;
      } else if (isBreak(v, i)) {
        if (!breaks && at(v, i) === 0x0a) this.putBreak();
        i = this.writeBreak(v, i);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        i = this.write(v, i);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  single(v: Uint8Array, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < v.length;) {
      if (isSpace(v, i)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < v.length - 1 && !isSpace(v, i + 1)) {
          this.writeIndent();
          i += 1;
        } else i = this.write(v, i);
        spaces = true;
      } else if (isBreak(v, i)) {
        if (!breaks && at(v, i) === 0x0a) this.putBreak();
        i = this.writeBreak(v, i);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (at(v, i) === 0x27) this.put(0x27);
        i = this.write(v, i);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  double(v: Uint8Array, allowBreaks: boolean): void {
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    for (let i = 0; i < v.length;) {
      const c = at(v, i);
      if (!isPrintable(v, i) || isBom(v) || isBreak(v, i) || c === 0x22 || c === 0x5c) {
        const w = width(c) || 1;
        let r = w === 1 ? c & 0x7f : w === 2 ? c & 0x1f : w === 3 ? c & 0x0f : c & 0x07;
        for (let k = 1; k < w; k++) r = (r << 6) + (at(v, i + k) & 0x3f);
        i += w;
        this.put(0x5c);
        const simple: Record<number, string> = { 0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P' };
        const s = simple[r];
        if (s !== undefined) this.put(s.charCodeAt(0));
        else {
          const [letter, digits] = r <= 0xff ? ['x', 2] : r <= 0xffff ? ['u', 4] : ['U', 8];
          this.put(letter.charCodeAt(0));
          for (const d of r.toString(16).toUpperCase().padStart(digits, '0')) this.put(d.charCodeAt(0));
        }
        spaces = false;
      } else if (isSpace(v, i)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < v.length - 1) {
          this.writeIndent();
          if (isSpace(v, i + 1)) this.put(0x5c);
          i += 1;
        } else i = this.write(v, i);
        spaces = true;
      } else {
        i = this.write(v, i);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  literal(v: Uint8Array): void {
    this.writeIndicator('|', true, false, false);
    // yaml_emitter_write_block_scalar_hints
    if (isSpace(v, 0) || isBreak(v, 0)) this.writeIndicator(String(BEST_INDENT), false, false, false);
    let chomp = '';
    if (v.length === 0) chomp = '-';
    else {
      let i = v.length - 1;
      while ((at(v, i) & 0xc0) === 0x80) i--;
      if (!isBreak(v, i)) chomp = '-';
      else if (i === 0) chomp = '+';
      else {
        i--;
        while ((at(v, i) & 0xc0) === 0x80) i--;
        if (isBreak(v, i)) chomp = '+';
      }
    }
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (let i = 0; i < v.length;) {
      if (isBreak(v, i)) {
        i = this.writeBreak(v, i);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        i = this.write(v, i);
        this.indention = false;
        breaks = false;
      }
    }
  }

  /** yaml_emitter_emit_scalar: select the style, indent one level for continuation lines, write. */
  scalar(text: string, requested: Style, simpleKey: boolean): void {
    const v = enc.encode(text);
    const a = analyze(v);
    let style = requested;
    if (simpleKey && a.multiline) style = 'double';
    if (style === 'plain') {
      if (!a.blockPlainAllowed) style = 'single';
      if (v.length === 0 && simpleKey) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
    this.increaseIndent(true, false);
    if (style === 'plain') this.plain(v, !simpleKey);
    else if (style === 'single') this.single(v, !simpleKey);
    else if (style === 'double') this.double(v, !simpleKey);
    else this.literal(v);
    this.popIndent();
  }
}

/** strconv.FormatFloat(f, 'g', -1, 64): the shortest digits, %e when the exponent is < -4 or >= 6 (eprec 6 when shortest). */
export function goFloat(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, expStr] = f.toExponential().split('e') as [string, string];
  const exp = Number(expStr);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  if (exp < -4 || exp >= 6) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp);
    return `${neg ? '-' : ''}${m}e${exp < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  if (exp < 0) return `${neg ? '-' : ''}0.${'0'.repeat(-exp - 1)}${digits}`;
  const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

export interface GoYamlOptions {
  /** encode.go stringv's choice for a string that is not multi-line: plain allowed? */
  readonly canUsePlain: (s: string) => boolean;
  /** sorter.go keyList order. */
  readonly compareKeys: (a: string, b: string) => number;
}

/** yaml.Marshal of a JSON-like value (after sigs.k8s.io/yaml's JSON round trip). */
export function emitYaml(value: unknown, opts: GoYamlOptions): string {
  const e = new Emitter();
  const node = (v: unknown, ctx: { mapping: boolean; simpleKey: boolean }): void => {
    if (v === null || v === undefined) return e.scalar('null', 'plain', ctx.simpleKey);
    if (typeof v === 'boolean') return e.scalar(v ? 'true' : 'false', 'plain', ctx.simpleKey);
    if (typeof v === 'number') return e.scalar(Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? BigInt(v).toString() : goFloat(v), 'plain', ctx.simpleKey);
    if (typeof v === 'string') {
      const style: Style = v.includes('\n') ? 'literal' : opts.canUsePlain(v) ? 'plain' : 'double';
      return e.scalar(v, style, ctx.simpleKey);
    }
    if (Array.isArray(v)) {
      if (v.length === 0) {
        e.writeIndicator('[', true, true, false);
        e.increaseIndent(true, false);
        e.popIndent();
        e.writeIndicator(']', false, false, false);
        return;
      }
      e.increaseIndent(false, ctx.mapping && !e.indention);
      for (const item of v) {
        e.writeIndent();
        e.writeIndicator('-', true, false, true);
        node(item, { mapping: false, simpleKey: false });
      }
      e.popIndent();
      return;
    }
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort(opts.compareKeys);
    if (keys.length === 0) {
      e.writeIndicator('{', true, true, false);
      e.increaseIndent(true, false);
      e.popIndent();
      e.writeIndicator('}', false, false, false);
      return;
    }
    e.increaseIndent(false, false);
    for (const k of keys) {
      e.writeIndent();
      // yaml_emitter_check_simple_key: a one-line key of at most 128 bytes.
      const kb = enc.encode(k);
      if (!analyze(kb).multiline && kb.length <= 128) {
        node(k, { mapping: true, simpleKey: true });
        e.writeIndicator(':', false, false, false);
      } else {
        e.writeIndicator('?', true, false, true);
        node(k, { mapping: true, simpleKey: false });
        e.writeIndent();
        e.writeIndicator(':', true, false, true);
      }
      node(obj[k], { mapping: true, simpleKey: false });
    }
    e.popIndent();
  };
  node(value, { mapping: false, simpleKey: false });
  // yaml_emitter_emit_document_end: write_indent at indent -1.
  e.indent = -1;
  e.writeIndent();
  return e.text();
}
