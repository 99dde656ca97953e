import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { optimizerDef, optimizerKinds } from '../../src/core';
import { defaultState } from '../../src/state/defaults';
import { defaultEmbed, embedItems, embedSettings, embedSliders, embedSnippet, readEmbed, readOrigin } from '../../src/state/embed';
import { decode, encode } from '../../src/state/url';

const keys = optimizerKinds.flatMap((k) => Object.values(optimizerDef(k).hyper).map((s) => s.key));
const runsOf = (...kinds: (typeof optimizerKinds)[number][]) => kinds.map((kind) => ({ kind }));

describe('embed items', () => {
  it('are playback, the loss plot, η, every rule setting by its link key and the deck\'s keys, each once', () => {
    expect(embedItems.slice(0, 3)).toEqual(['play', 'loss', 'lr']);
    expect(new Set(embedItems.slice(3, -1))).toEqual(new Set(keys));
    expect(embedItems.at(-1)).toBe('keys');
    expect(new Set(embedItems).size).toBe(embedItems.length);
    expect(embedItems).toContain('a');
  });

  it('mean one setting per key in every rule that has it', () => {
    for (const key of new Set(keys)) {
      const names = new Set(optimizerKinds.flatMap((k) => Object.entries(optimizerDef(k).hyper).filter(([, s]) => s.key === key).map(([n]) => n)));
      expect(names.size, key).toBe(1);
    }
  });

  it('are read in the link\'s order, each once; unknown ones are set apart, each once; empty parts are nothing', () => {
    expect(readEmbed('a,lr,play,a,lr')).toEqual({ items: ['a', 'lr', 'play'], unknown: [] });
    expect(readEmbed('loss,,zz,LR,zz,<b>')).toEqual({ items: ['loss'], unknown: ['zz', 'LR', '<b>'] });
    expect(readEmbed('')).toEqual({ items: [], unknown: [] });
  });

  it('give each run the sliders its rule has, in the items\' order', () => {
    expect(embedSliders(['a', 'lr'], 'momentum')).toEqual(['alpha', 'lr']);
    expect(embedSliders(['a', 'lr'], 'gd')).toEqual(['lr']);
    expect(embedSliders(['play', 'loss', 'a'], 'gd')).toEqual([]);
    expect(embedSliders(['eps', 'b1', 'rho'], 'adam')).toEqual(['eps', 'beta1']);
    expect(embedSliders(['eps', 'b1', 'rho'], 'rmsprop')).toEqual(['eps', 'rho']);
    expect(embedSliders(['keys', 'lr'], 'momentum')).toEqual(['lr']);
  });

  it('offer the settings the runs have, and tick playback, η and each run\'s map setting first', () => {
    const page = defaultState().runs;
    expect(embedSettings(page)).toEqual([{ item: 'a', name: 'alpha' }]);
    expect(defaultEmbed(page)).toEqual(['play', 'lr', 'a']);
    expect(embedSettings(runsOf('gd', 'sgd'))).toEqual([]);
    expect(defaultEmbed(runsOf('gd'))).toEqual(['play', 'lr']);
    const adaptive = runsOf('adam', 'rmsprop', 'adagrad');
    expect(embedSettings(adaptive).map((s) => s.item).sort()).toEqual(['b1', 'b2', 'eps', 'rho']);
    expect(defaultEmbed(adaptive).sort()).toEqual(['b1', 'lr', 'play', 'rho']);
  });
});

describe('the embed snippet', () => {
  it('is one iframe with the link, the size and the runs as its title, every attribute escaped', () => {
    const src = 'https://x.org/ravine/?fn=quadratic&run=gd,id:0,lr:1.8&embed=play,lr';
    const code = embedSnippet(src, { width: 720, height: 540 }, ['GD η=1.8', 'say "hi" <b>&']);
    expect(code).toBe(
      '<iframe src="https://x.org/ravine/?fn=quadratic&amp;run=gd,id:0,lr:1.8&amp;embed=play,lr" width="720" height="540" ' +
        'style="border:0;max-width:100%" title="Ravine: GD η=1.8; say &quot;hi&quot; &lt;b&gt;&amp;" loading="lazy"></iframe>',
    );
    expect(embedSnippet(src, { width: 480, height: 400 }, [])).toContain('title="Ravine"');
  });

  it('ends with the page\'s script, served beside the app, for a deck', () => {
    const src = 'https://x.org/ravine/?fn=quadratic&embed=play,keys';
    const code = embedSnippet(src, { width: 720, height: 540 }, []);
    expect(embedSnippet(src, { width: 720, height: 540 }, [], true)).toBe(`${code}\n<script src="https://x.org/ravine/ravine-embed.js"></script>`);
  });

  it('never lets a value end its attribute', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (src, name) => {
        const code = embedSnippet(src, { width: 1, height: 1 }, [name]);
        expect(code).toMatch(/^<iframe src="[^"<>]*" width="1" height="1" style="border:0;max-width:100%" title="[^"<>]*" loading="lazy"><\/iframe>$/);
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it('carries a link that decodes to the page\'s state with the chosen items', () => {
    const state = defaultState();
    const link = encode({ state, playhead: 40, view: null, lang: 'ru', embed: ['play', 'a'] });
    const code = embedSnippet(`https://x.org/?${link}`, { width: 720, height: 540 }, []);
    const src = /src="([^"]*)"/.exec(code)![1].replace(/&amp;/g, '&');
    const back = decode(new URL(src).search);
    expect(back).toMatchObject({ state, playhead: 40, lang: 'ru', embed: ['play', 'a'], dropped: [] });
  });
});

describe('the origin an embed talks to', () => {
  it('is an http or https origin exactly as a browser writes it', () => {
    for (const o of ['https://course.example', 'http://127.0.0.1:8080', 'https://xn--e1afmkfd.xn--p1ai', 'http://[::1]:3000']) expect(readOrigin(o), o).toBe(o);
  });

  it('is nothing else: a path, a slash, another scheme, a default port, capitals, null', () => {
    for (const o of ['https://course.example/', 'https://course.example/slides', 'https://course.example:443', 'HTTPS://course.example',
      'https://Course.example', 'ftp://course.example', 'javascript:alert(1)', 'null', '*', '', 'course.example', 'https://u:p@course.example']) {
      expect(readOrigin(o), o).toBeNull();
    }
  });

  it('travels in an embed link only, and a bad one is named', () => {
    const state = defaultState();
    const link = encode({ state, playhead: null, view: null, embed: ['play', 'keys'], origin: 'https://course.example' });
    expect(new URLSearchParams(link).get('origin')).toBe('https://course.example');
    expect(link).toMatch(/&embed=play,keys&origin=[^&]+$/);
    expect(decode(link)).toMatchObject({ embed: ['play', 'keys'], origin: 'https://course.example', dropped: [] });
    expect(encode({ state, playhead: null, view: null, origin: 'https://course.example' })).not.toContain('origin=');
    expect(decode('origin=https://course.example')).toMatchObject({ dropped: ['origin "https://course.example"'] });
    expect(decode('origin=https://course.example')).not.toHaveProperty('origin');
    expect(decode('embed=&origin=https://course.example/')).toMatchObject({ embed: [], dropped: ['origin "https://course.example/"'] });
  });
});
