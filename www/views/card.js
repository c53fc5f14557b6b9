// The results card: Type I and Type II readiness with their bands, each category's readiness and
// band, and when each report can be expected, on one image 1200 wide and 630 high with all five
// categories (the size link previews use), less with fewer. Drawn by the element, no library: one list of shapes (rectangles and text), rendered as
// SVG (the report's appendix, the SVG download) and onto a canvas (the PNG download). The canvas
// is drawn directly rather than by loading the SVG into an image: a strict Content Security
// Policy (`img-src 'self'`, which `default-src 'self'` implies) refuses blob: and data: images,
// and the canvas needs neither.
//
// Readable without colour: every score is a number, every band a word; the bars repeat the
// numbers. The card keeps its own light palette in dark mode and on paper: it is an image.
// Part of the report's chunk (views/report.js imports it): the helpers it needs are handed in.

const W = 1200;
const H = 630;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const INK = '#1b1f24';
const MUTED = '#4f5864';
const LINE = '#c9ced6';
const TRACK = '#eef0f3';
const TYPE1 = '#2347b5';
const TYPE2 = '#7d93d6';
/** The bands' text colours (the element's light palette, styles.js). */
const BAND = { auditReady: '#1d6b38', findingsLikely: '#6a4b00', materialGaps: '#8a3a00', notReady: '#a11d1d', notAssessed: MUTED };

let measure = null;
/** Width of `text` at `size` px and `weight` in the card's font (a canvas measures it). */
function widthOf(text, size, weight = 400) {
  measure ??= document.createElement('canvas').getContext('2d');
  measure.font = `${weight} ${size}px ${FONT}`;
  return measure.measureText(text).width;
}

/** The font size, at most `size`, at which `text` fits `width` px (words are longer in some languages). */
const fit = (text, size, width, weight) => Math.min(size, Math.floor((size * width * 10) / widthOf(text, size, weight)) / 10);

/** Cuts `text` to `n` characters (whole code points), with an ellipsis. */
const clip = (text, n) => ([...text].length > n ? `${[...text].slice(0, n - 1).join('')}…` : text);

/**
 * The card of the results in `ctx` (the element's context: catalog, results, document, and its
 * words `t`): its size, what a screen reader reads, and its shapes, in the element's language.
 */
export function cardShapes(ctx) {
  const { catalog, results: r, document: doc, t } = ctx;
  const o = r.readiness.overall;
  const tl = r.timeline;
  const shapes = [];
  const rect = (x, y, w, h, fill, extra = {}) => shapes.push({ t: 'rect', x, y, w, h, fill, ...extra });
  const text = (x, y, value, size, extra = {}) => shapes.push({ t: 'text', x, y, text: value, size, weight: 400, fill: INK, anchor: 'start', ...extra });
  const bar = (x, y, w, value, fill) => {
    rect(x, y, w, 14, TRACK, { stroke: LINE, rx: 7 });
    if (value) rect(x, y, Math.max(14, (w * value) / 100), 14, fill, { rx: 7 });
  };

  rect(0, 0, W, H, '#ffffff');
  rect(0, 0, W, 10, TYPE1);
  text(56, 92, t(r.estimate ? 'titleQuick' : 'title'), 44, { weight: 700 });
  const answered = t('card.answered', { n: o.counts.answered, asked: o.counts.asked });
  text(56, 132, [doc.profile.organization && clip(doc.profile.organization, 48), answered].filter(Boolean).join(' · '), 22, { fill: MUTED });

  // The two scores, then the two reports' dates.
  const score = (x, name, value, band) => {
    rect(x, 164, 320, 136, '#ffffff', { stroke: LINE, rx: 10 });
    text(x + 22, 198, name, 19, { fill: MUTED });
    text(x + 22, 262, t.pct(value), 60, { weight: 700 });
    text(x + 22, 288, catalog.band(band), 20, { weight: 600, fill: BAND[band] ?? INK });
  };
  score(56, t('card.type1'), o.design, o.band);
  score(392, t('card.type2'), o.operating, o.operatingBand);
  // When each report can be expected: the weeks, and the dates below them.
  const when = (y, name, p) => {
    text(760, y, t('card.reportIn', { report: name }), 18, { fill: MUTED });
    text(760, y + 30, t('weeks', { low: p.weeks.low, high: p.weeks.high }), 27, { weight: 700 });
    text(760, y + 53, t('dates', { from: t.date(p.reportDates.low), to: t.date(p.reportDates.high) }), 17, { fill: MUTED });
  };
  rect(728, 164, 1, 148, LINE);
  when(180, t('type1'), tl.type1);
  when(266, t('type2'), tl.type2);

  // Each category: Type I and Type II as bars and numbers, and the Type I band. The bands' column
  // is as wide as its longest name (German's "Feststellungen wahrscheinlich"); the bars give way.
  const categories = Object.entries(r.readiness.categories);
  const bandWidth = Math.max(164, ...categories.map(([, s]) => widthOf(catalog.band(s.band), 20, 600)));
  const bars = Math.max(200, 584 - (bandWidth - 164)) - 164; // both bars, in the English proportion 230:190
  const one = Math.round((bars * 23) / 42);
  const cols = { name: 56, one: 372, oneNum: 372 + one + 66 };
  Object.assign(cols, { two: cols.oneNum + 32, twoNum: cols.oneNum + 32 + (bars - one) + 66, band: 1144 });
  text(cols.name, 352, t('category'), 18, { fill: MUTED });
  text(cols.one, 352, t('type1'), 18, { fill: MUTED });
  text(cols.two, 352, t('type2'), 18, { fill: MUTED });
  text(cols.band, 352, t('bandType1'), 18, { fill: MUTED, anchor: 'end' });
  rect(56, 362, W - 112, 1, LINE);
  categories.forEach(([id, s], i) => {
    const y = 396 + i * 42;
    const name = catalog.categoryTitle(id);
    text(cols.name, y, name, fit(name, 22, cols.one - cols.name - 16, 600), { weight: 600 });
    bar(cols.one, y - 14, one, s.design ?? 0, TYPE1);
    text(cols.oneNum, y, t.pct(s.design), 22, { anchor: 'end' });
    bar(cols.two, y - 14, bars - one, s.operating ?? 0, TYPE2);
    text(cols.twoNum, y, t.pct(s.operating), 22, { anchor: 'end' });
    const band = catalog.band(s.band);
    text(cols.band, y, band, fit(band, 20, cols.band - cols.twoNum - 24, 600), { weight: 600, fill: BAND[s.band] ?? INK, anchor: 'end' });
  });

  // The footer below the last category: the card is as tall as its categories need (630, the
  // size link previews use, with all five).
  const height = H - (5 - categories.length) * 42;
  rect(56, height - 42, W - 112, 1, LINE);
  // The disclaimer and the catalog share the last line: the disclaimer smaller where it is longer.
  const source = t('card.catalog', { version: catalog.json.version });
  text(56, height - 18, t('disclaimer'), fit(t('disclaimer'), 15, 1144 - 56 - widthOf(source, 15) - 24), { fill: MUTED });
  text(1144, height - 18, source, 15, { fill: MUTED, anchor: 'end' });
  shapes[0].h = height;

  const label = [
    doc.profile.organization ? t('card.labelOf', { organization: doc.profile.organization }) : t('card.label'),
    t('card.scores', { type1: t.pct(o.design), band1: catalog.band(o.band), type2: t.pct(o.operating), band2: catalog.band(o.operatingBand) }),
    ...categories.map(([id, s]) => t('card.category', { category: catalog.categoryTitle(id), type1: t.pct(s.design), type2: t.pct(s.operating), band: catalog.band(s.band) })),
    t('card.when', { type1: t('weeks', { low: tl.type1.weeks.low, high: tl.type1.weeks.high }), type2: t('weeks', { low: tl.type2.weeks.low, high: tl.type2.weeks.high }) }),
  ].join('. ');
  return { width: W, height, label: `${label}.`, shapes };
}

/** The card as an SVG element (`h` from dom.js): presentation attributes only, no style. */
export function cardSvg(card, h) {
  const anchor = { start: 'start', end: 'end', middle: 'middle' };
  return h('svg:svg', { viewBox: `0 0 ${card.width} ${card.height}`, width: card.width, height: card.height, role: 'img', 'aria-label': card.label, 'font-family': FONT, class: 'card-svg' },
    h('svg:title', { text: card.label }),
    ...card.shapes.map((s) => (s.t === 'rect'
      ? h('svg:rect', { x: s.x, y: s.y, width: s.w, height: s.h, rx: s.rx, fill: s.fill, stroke: s.stroke, 'stroke-width': s.stroke ? 1 : null })
      : h('svg:text', { x: s.x, y: s.y, 'font-size': s.size, 'font-weight': s.weight, fill: s.fill, 'text-anchor': anchor[s.anchor], text: s.text }))));
}

/** The card as an SVG file's text. */
export function cardSvgText(card, h) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(cardSvg(card, h))}\n`;
}

/** The card as a PNG (a Blob), drawn on a canvas at `scale` times its size. */
export function cardPng(card, scale = 2) {
  const canvas = document.createElement('canvas');
  canvas.width = card.width * scale;
  canvas.height = card.height * scale;
  const g = canvas.getContext('2d');
  g.scale(scale, scale);
  for (const s of card.shapes) {
    if (s.t === 'rect') {
      g.beginPath();
      g.roundRect(s.x, s.y, s.w, s.h, s.rx ?? 0);
      g.fillStyle = s.fill;
      g.fill();
      if (s.stroke) {
        g.strokeStyle = s.stroke;
        g.lineWidth = 1;
        g.stroke();
      }
    } else {
      g.font = `${s.weight} ${s.size}px ${FONT}`;
      g.fillStyle = s.fill;
      g.textAlign = { start: 'left', end: 'right', middle: 'center' }[s.anchor];
      g.textBaseline = 'alphabetic';
      g.fillText(s.text, s.x, s.y);
    }
  }
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser made no PNG'))), 'image/png'));
}
