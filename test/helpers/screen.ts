/**
 * A small model of an xterm screen, for tests that check what a person sees rather than the
 * bytes that drew it: printable text (East Asian wide characters take two columns, and
 * xterm's deferred wrap at the right edge), CR, LF, BS, and the CSI sequences the prompts
 * use (cursor up/down/forward/back, to a column, to a position, erase in line and in
 * display; colours and modes are ignored). Anything else is recorded in `unknown`, so a
 * test can insist that nothing went unrendered.
 */
const isWide = (c: number) =>
  (c >= 0x1100 && c <= 0x115f) ||
  (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
  (c >= 0xac00 && c <= 0xd7a3) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0xfe30 && c <= 0xfe4f) ||
  (c >= 0xff00 && c <= 0xff60) ||
  (c >= 0xffe0 && c <= 0xffe6) ||
  (c >= 0x1f300 && c <= 0x1faff) ||
  (c >= 0x20000 && c <= 0x3fffd);

export class Screen {
  private lines: string[][];
  /** Rows that scrolled off the top, oldest first. */
  private readonly scrolled: string[][] = [];
  x = 0;
  y = 0;
  private pendingWrap = false;
  readonly unknown = new Set<string>();

  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    this.lines = Array.from({ length: rows }, () => this.blank());
  }

  private blank(): string[] {
    return Array<string>(this.columns).fill(' ');
  }

  private lineFeed(): void {
    if (this.y === this.rows - 1) {
      this.scrolled.push(this.lines.shift()!);
      this.lines.push(this.blank());
    } else this.y++;
  }

  private put(ch: string): void {
    const width = isWide(ch.codePointAt(0)!) ? 2 : 1;
    if (this.pendingWrap || this.x + width > this.columns) {
      this.pendingWrap = false;
      this.x = 0;
      this.lineFeed();
    }
    const line = this.lines[this.y]!;
    line[this.x] = ch;
    if (width === 2) line[this.x + 1] = '';
    this.x += width;
    if (this.x >= this.columns) {
      this.x = this.columns - 1;
      this.pendingWrap = true;
    }
  }

  write(data: string): void {
    const chars = Array.from(data);
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (ch === '\u001b' && chars[i + 1] === '[') {
        let j = i + 2;
        let params = '';
        while (j < chars.length && '0123456789;?'.includes(chars[j]!)) params += chars[j++];
        this.csi(params, chars[j] ?? '');
        i = j;
      } else if (ch === '\u001b') {
        this.unknown.add(`ESC ${chars[i + 1] ?? ''}`);
        i++;
      } else if (ch === '\r') {
        this.x = 0;
        this.pendingWrap = false;
      } else if (ch === '\n') {
        // A terminal in raw mode still turns \n into \r\n (ONLCR), as a pseudo-terminal does.
        this.x = 0;
        this.pendingWrap = false;
        this.lineFeed();
      } else if (ch === '\b') {
        this.pendingWrap = false;
        if (this.x > 0) this.x--;
      } else if (ch.codePointAt(0)! < 0x20 || ch === '\u007f') {
        this.unknown.add(`control ${ch.codePointAt(0)}`);
      } else this.put(ch);
    }
  }

  private csi(params: string, final: string): void {
    this.pendingWrap = false;
    if (params.startsWith('?')) return; // modes: showing and hiding the cursor
    const [first, second] = params.split(';').map((p) => (p === '' ? undefined : Number(p)));
    const n = first ?? 1;
    const row = (y: number) => Math.max(0, Math.min(this.rows - 1, y));
    const column = (x: number) => Math.max(0, Math.min(this.columns - 1, x));
    const line = this.lines[this.y]!;
    switch (final) {
      case 'A': this.y = row(this.y - n); break;
      case 'B': this.y = row(this.y + n); break;
      case 'C': this.x = column(this.x + n); break;
      case 'D': this.x = column(this.x - n); break;
      case 'G': this.x = column(n - 1); break;
      case 'H': this.y = row(n - 1); this.x = column((second ?? 1) - 1); break;
      case 'K': {
        const mode = first ?? 0;
        const [from, to] = mode === 0 ? [this.x, this.columns] : mode === 1 ? [0, this.x + 1] : [0, this.columns];
        for (let x = from; x < to; x++) line[x] = ' ';
        break;
      }
      case 'J': {
        if ((first ?? 0) !== 0) {
          this.unknown.add(`CSI ${params}J`);
          break;
        }
        for (let x = this.x; x < this.columns; x++) line[x] = ' ';
        for (let y = this.y + 1; y < this.rows; y++) this.lines[y] = this.blank();
        break;
      }
      case 'm': break;
      default: this.unknown.add(`CSI ${params}${final}`);
    }
  }

  /** Every row written so far (scrolled off or on screen), trailing blanks dropped, trailing empty rows dropped. */
  get text(): string {
    const all = [...this.scrolled, ...this.lines].map((l) => l.join('').trimEnd());
    while (all.length > 0 && all.at(-1) === '') all.pop();
    return all.join('\n');
  }

  /** The cursor as [column, row], rows counted from the first one ever written (scrolled-off rows included). */
  get cursor(): [number, number] {
    return [this.x, this.y + this.scrolled.length];
  }
}
