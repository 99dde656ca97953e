import { describe, expect, it } from 'vitest';
import { getTestFunction } from '../../src/core';
import { FormulaError, parseFunction } from '../../src/expr';
import { englishFormulaMessages, type FormulaErrorCode } from '../../src/expr/errors';
import {
  axisNames, chooseLang, dictionaries, droppedText, formatNumber, formulaMessage, functionName, isLang, LANGS, presetText, runIn,
} from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { sciNumber } from '../../src/i18n/numbers';
import { ru } from '../../src/i18n/ru';
import { contourFigure, lossFigure } from '../../src/draw/figures';
import { defaultState } from '../../src/state/defaults';
import { runLabel, runStatus } from '../../src/state/labels';
import { presets } from '../../src/state/presets';
import { decode } from '../../src/state/url';
import { surface } from '../../src/state/scene';
import { buildFunction } from '../../src/state/scene';

/** Every text of a table, by its path; texts with values are called with sample ones. */
function texts(table: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof table === 'string') out.set(path, table);
  else if (typeof table === 'function') {
    out.set(path, String((table as (...a: unknown[]) => unknown)(...Array.from({ length: table.length }, () => 7))));
  } else if (table && typeof table === 'object') {
    for (const [k, v] of Object.entries(table)) {
      // Formula messages take a parameter object: checked code by code below.
      if (path === '' && k === 'formula') continue;
      for (const [p, t] of texts(v, path ? `${path}.${k}` : k)) out.set(p, t);
    }
  }
  return out;
}

// Marks that are not words: N, the adaptive rules' names (Latin in Russian courses too), the schedules' formulas.
// (The other optimizers have Russian names: see 'one set of words' below.)
const SAME_IN_RUSSIAN = new Set([
  'link.parts.N', 'runs.kinds.adam', 'runs.kinds.rmsprop', 'runs.kinds.adagrad', 'runs.kinds.adamw', 'runs.kinds.lion', 'schedules.short.inverse', 'schedules.short.step',
]);

describe('the Russian table', () => {
  const english = texts(en);
  const russian = texts(ru);

  it('has every English text, and nothing else', () => {
    expect([...russian.keys()].sort()).toEqual([...english.keys()].sort());
    expect(Object.keys(ru.formula).sort()).toEqual(Object.keys(en.formula).sort());
  });

  it('has no empty text, and none left in English except the whitelisted names', () => {
    for (const [path, text] of russian) {
      expect(text.trim(), path).not.toBe('');
      if (!SAME_IN_RUSSIAN.has(path)) expect(text, path).not.toBe(english.get(path));
    }
    // The whitelist is no wider than needed.
    for (const path of SAME_IN_RUSSIAN) expect(russian.get(path), path).toBe(english.get(path));
  });

  it('is in Cyrillic where it is words', () => {
    for (const [path, text] of russian) {
      if (SAME_IN_RUSSIAN.has(path) || path.startsWith('plot.separators') || path.startsWith('plot.decimal')) continue;
      expect(text, path).toMatch(/[а-яё]/i);
    }
  });

  it('names every test function and every lecture figure', () => {
    for (const id of ['quadratic', 'rosenbrock', 'leastsquares', 'logistic', 'formula']) {
      expect(functionName(dictionaries.ru, id)).not.toBe(functionName(dictionaries.en, id));
    }
    for (const p of presets) {
      expect(presetText(dictionaries.ru, p.id).title.length, p.id).toBeGreaterThan(5);
      expect(presetText(dictionaries.ru, p.id).caption.length, p.id).toBeGreaterThan(20);
    }
    expect(functionName(dictionaries.ru, 'unknown-id')).toBe('unknown-id');
  });

  it("names a fit's axes by its weights, in each language, and other functions' axes x and y", () => {
    expect(axisNames(en, 'logistic')).toEqual(['w₁ (petal length)', 'w₂ (petal width)']);
    expect(axisNames(ru, 'logistic')).toEqual(['w₁ (длина лепестка)', 'w₂ (ширина лепестка)']);
    expect(axisNames(ru, 'leastsquares')).toEqual([ru.plot.intercept, ru.plot.slope]);
    expect(axisNames(en, 'rosenbrock')).toEqual(['x', 'y']);
  });
});

describe('one set of words', () => {
  const russian = [...texts(ru).entries(), ...Object.entries(ru.formula).map(([k, f]) => [`formula.${k}`, f({})] as const)];

  it('names the optimizers in Russian, never in Latin letters or half-translated', () => {
    for (const [path, text] of russian) {
      expect(text, path).not.toMatch(/\b(GD|SGD|Momentum|Nesterov|mini-?batch(es)?|batch)\b/i);
      expect(text, path).not.toMatch(/моментум|минибатч|мини батч/i);
      // Nesterov's and the heavy ball's method are called so wherever they are named.
      expect(text.replace(/[Мм]етод(а|ом|у|е)? Нестерова/g, ''), path).not.toMatch(/Нестеров/);
      expect(text.replace(/[Мм]етод(а|ом|у|е)? моментов/g, ''), path).not.toMatch(/моментов/);
    }
    const { gd, sgd, minibatch, momentum, nesterov } = ru.runs.kinds;
    expect([gd, sgd, minibatch, momentum, nesterov]).toEqual([
      'Градиентный спуск', 'Стохастический градиентный спуск', 'Градиентный спуск по мини-батчам', 'Метод моментов',
      'Метод Нестерова',
    ]);
  });

  it('gives each lecture figure a title that runs into its caption with one mark', () => {
    for (const lang of LANGS) {
      for (const p of presets) {
        const title = runIn(presetText(dictionaries[lang], p.id).title);
        expect(title, `${lang} ${p.id}`).toMatch(/[^.?!][.?!]$/);
      }
    }
    expect(runIn('Какой размер батча брать?')).toBe('Какой размер батча брать?');
    expect(runIn('Градиентный спуск в овраге')).toBe('Градиентный спуск в овраге.');
  });

  it('writes in every caption the η and α its figure runs with, and the stretch √κ of its level lines', () => {
    for (const lang of LANGS) {
      for (const p of presets) {
        const { caption } = presetText(dictionaries[lang], p.id);
        const { state } = decode(p.link);
        const said = (name: string) =>
          [...caption.matchAll(new RegExp(`${name} = (\\d+(?:[.,]\\d+)?)`, 'g'))].map((m) => Number(m[1].replace(',', '.')));
        for (const lr of said('η')) expect(state.runs.map((r) => r.lr), `${lang} ${p.id} η`).toContain(lr);
        for (const a of said('α')) expect(state.runs.map((r) => r.params.alpha), `${lang} ${p.id} α`).toContain(a);
        // A ravine with condition number κ has level lines √κ times longer than wide.
        const stretch = /√(\d+) ≈ (\d+[.,]\d)/.exec(caption);
        if (stretch) {
          expect(Number(stretch[1]), `${lang} ${p.id}`).toBe(state.fn.params.kappa);
          expect(stretch[2], `${lang} ${p.id}`).toBe(formatNumber(Math.sqrt(state.fn.params.kappa), lang, 2));
        }
      }
      expect(presetText(dictionaries[lang], 'ravine').caption).toContain('√50');
    }
  });
});

describe('formula errors in Russian', () => {
  const codes = Object.keys(englishFormulaMessages) as FormulaErrorCode[];
  const params = { length: 612, max: 500, text: '1e999', name: 'zz', position: 8, token: '@', op: '==', product: 'x*y', part: 'x.y' };

  it('every code has a Russian message that differs from the English one and carries its values', () => {
    expect(codes.length).toBeGreaterThan(30);
    for (const code of codes) {
      const e = new FormulaError(code, params);
      const text = formulaMessage(e, 'ru');
      expect(text, code).toMatch(/[а-яё]/i);
      expect(text, code).not.toBe(e.message);
      expect(formulaMessage(e, 'en'), code).toBe(e.message);
      // Whatever value the English message shows, the Russian one shows too.
      for (const v of Object.values(params)) {
        if (e.message.includes(String(v))) expect(text, `${code}: ${v}`).toContain(String(v));
      }
    }
  });

  it('translates real refusals from their code and params', () => {
    const refusal = (text: string) => {
      try {
        parseFunction(text);
      } catch (e) {
        return e as FormulaError;
      }
      throw new Error(`${text} parsed`);
    };
    expect(formulaMessage(refusal('x + z'), 'ru')).toBe('Неизвестное имя «z»: используйте x, y, pi или e');
    expect(formulaMessage(refusal('(x + 1'), 'ru')).toBe('Не хватает закрывающей скобки для «(» в позиции 1');
    expect(formulaMessage(refusal('log(x, 2)'), 'ru')).toContain('log(x)/log(b)');
    expect(formulaMessage(refusal('sin(x, y)'), 'ru')).not.toContain('log(b)');
    expect(formulaMessage(refusal('x**2'), 'ru')).toBe('«**» здесь не оператор: степень пишется через ^, например x^2');
  });
});

describe('numbers', () => {
  it('are written with the language decimal mark, in full or to a few digits', () => {
    expect(formatNumber(0.5, 'en')).toBe('0.5');
    expect(formatNumber(0.5, 'ru')).toBe('0,5');
    expect(formatNumber(1 / 3, 'en', 3)).toBe('0.333');
    expect(formatNumber(1 / 3, 'ru', 3)).toBe('0,333');
    expect(formatNumber(-2.5e-9, 'ru', 3)).toBe('-2,5e-9');
    expect(formatNumber(123456, 'ru', 3)).toBe('123000');
    expect(formatNumber(1000000, 'ru')).toBe('1000000');
    expect(formatNumber(42, 'ru')).toBe('42');
    expect(formatNumber(NaN, 'ru', 3)).toBe('NaN');
  });

  it('in run labels and statuses', () => {
    const s = defaultState();
    expect(runLabel(s.runs[1], 32, 'ru')).toBe('Метод моментов η=0,3 α=0,8');
    expect(runLabel({ ...s.runs[1], kind: 'minibatch', batch: 4 }, 32, 'ru')).toBe('Градиентный спуск по мини-батчам η=0,3 B=4');
    expect(runStatus({ losses: [1], diverged: { step: 7 } }, 0, 'ru')).toBe('разошёлся на шаге 7');
    expect(runStatus({ losses: [0.5, 0.000123456], diverged: null }, 0, 'ru')).toBe('f − f* = 0,000123');
    expect(runStatus({ losses: [0.5, 0.000123456], diverged: null }, 0)).toBe('f − f* = 0.000123');
  });
});

describe('numbers in figures', () => {
  it('read m·10ⁿ outside 10⁻⁴ … 10⁴, with the language decimal mark, never e-notation', () => {
    expect(sciNumber(8.03e-7)).toBe('8.0·10⁻⁷');
    expect(sciNumber(8.03e-7, ',', 3)).toBe('8,03·10⁻⁷');
    expect(sciNumber(-2.5e-12, ',')).toBe('−2,5·10⁻¹²');
    expect(sciNumber(123456, '.', 3)).toBe('1.23·10⁵');
    expect(sciNumber(0.00024018)).toBe('0.00024');
    expect(sciNumber(1.8)).toBe('1.8');
    expect(sciNumber(0)).toBe('0');
    for (let k = -300; k <= 300; k += 7) expect(sciNumber(1.234 * 10 ** k, '.', 3)).not.toMatch(/e/);
  });

  it('in legends: a tiny gap to f* as a power of ten', () => {
    expect(runStatus({ losses: [0.5, 4.04e-8], diverged: null }, 0, 'ru')).toBe('f − f* = 4,04·10⁻⁸');
  });
});

describe('the language a page opens in', () => {
  it('is the link, else the remembered choice, else Russian for a Russian browser, else English', () => {
    expect(chooseLang('en', 'ru', ['ru-RU'])).toBe('en');
    expect(chooseLang(undefined, 'en', ['ru-RU'])).toBe('en');
    expect(chooseLang(undefined, 'ru', ['en-US'])).toBe('ru');
    expect(chooseLang(undefined, null, ['ru-RU', 'en'])).toBe('ru');
    expect(chooseLang(undefined, null, ['ru'])).toBe('ru');
    expect(chooseLang(undefined, 'garbage', ['RU'])).toBe('ru');
    expect(chooseLang(undefined, null, ['en-GB', 'ru'])).toBe('en');
    expect(chooseLang(undefined, null, ['rue'])).toBe('en');
    expect(chooseLang(undefined, null, [])).toBe('en');
    expect(LANGS.every(isLang)).toBe(true);
    expect(isLang('de')).toBe(false);
  });
});

describe('the link notice', () => {
  it('names what it dropped in the language, and quotes the link as it was', () => {
    expect(droppedText('iterations "abc"', ru)).toBe('число итераций "abc"');
    expect(droppedText('language "de"', ru)).toBe('язык "de"');
    expect(droppedText('kappa "1e999"', ru)).toBe('kappa "1e999"');
    expect(droppedText('iterations "abc"', en)).toBe('iterations "abc"');
  });
});

describe('the figures', () => {
  it('say their words and write their numbers in the language they are given', () => {
    const fn = buildFunction({ ...defaultState().fn, id: 'leastsquares', params: {} });
    const grid = surface(getTestFunction('leastsquares'));
    const input = { view: fn.view, surface: grid, fn, paths: [], playhead: 0, start: fn.start };
    const ruFig = contourFigure({ ...input, labels: ru.plot });
    const enFig = contourFigure(input);
    expect(ruFig.layout.separators).toBe(', ');
    expect(enFig.layout.separators).toBe('.,');
    expect((ruFig.layout.xaxis!.title as { text: string }).text).toBe('w₀ (свободный член)');
    expect((enFig.layout.xaxis!.title as { text: string }).text).toBe('w₀ (intercept)');
    const ticks = (f: typeof ruFig) => (f.data[0] as { colorbar: { ticktext: string[] } }).colorbar.ticktext;
    expect(ticks(enFig).some((t) => t.includes('.'))).toBe(true);
    expect(ticks(ruFig)).toEqual(ticks(enFig).map((t) => t.replace('.', ',')));
    expect(ruFig.data.map((d) => (d as { name?: string }).name)).toContain('минимум');

    const loss = lossFigure({ paths: [], playhead: 0, steps: 10, log: true, labels: ru.plot });
    expect((loss.layout.xaxis!.title as { text: string }).text).toBe('итерация t');
    expect(loss.layout.separators).toBe(', ');
  });
});

describe('the Russian wording', () => {
  it('says tap (нажмите) on a touch screen and click (щёлкните) under a mouse, in both languages', () => {
    expect(ru.header.tagline(true)).toContain('Нажмите на график, чтобы перенести старт');
    expect(ru.header.tagline(true)).not.toMatch(/щёлкн|щелкн/i);
    expect(ru.header.tagline(false)).toContain('Щёлкните по графику, чтобы перенести старт');
    expect(en.header.tagline(true)).toContain('Tap the plot to move the start');
    expect(en.header.tagline(false)).toContain('Click the plot to move the start');
  });

  it('names Nesterov’s look-ahead point and the inertia as a Russian lecture would', () => {
    const caption = ru.presets.texts.nesterov.caption;
    expect(caption).toContain('Инерция (пунктир) несёт оба метода поперёк дна оврага');
    expect(caption).toContain('в упреждающей точке ○');
    expect(caption).not.toMatch(/Оба несёт|заглядывания/);
    expect(ru.show.key.lookahead).toBe('упреждающая точка метода Нестерова');
  });
});
