import { describe, expect, it } from 'vitest';
import type { PriorityAnswers } from '../case/case-record';
import { priorities } from '../case/case-vocabulary';
import { classifyPriority, explainPriority } from './priority-classifier';
import {
  priorityDefinitions,
  priorityLabels,
  priorityLevelDefinitions,
  priorityName,
} from './priority-definition';
import { priorityQuestions } from './priority-question';

const lost = { completeLoss: true } as const;

describe('the seed definitions, fully answered', () => {
  it.each<[string, PriorityAnswers, string, string]>([
    [
      'a lost life-and-health system is critical',
      { ...lost, lifeAndHealth: true },
      'critical',
      'lifeAndHealth',
    ],
    [
      'life and health outranks home office',
      { ...lost, lifeAndHealth: true, homeOffice: true },
      'critical',
      'lifeAndHealth',
    ],
    [
      'another lost high-uptime system is critical',
      { ...lost, lifeAndHealth: false, homeOffice: false, highUptimeSystem: true },
      'critical',
      'highUptime',
    ],
    [
      'complete loss for a whole unit is high',
      { ...lost, lifeAndHealth: false, homeOffice: false, highUptimeSystem: false, scope: 'unit' },
      'high',
      'unitLoss',
    ],
    [
      'a lost citizen-facing e-service is high',
      {
        ...lost,
        lifeAndHealth: false,
        homeOffice: false,
        highUptimeSystem: false,
        scope: 'oneUser',
        citizenService: true,
      },
      'high',
      'citizenService',
    ],
    [
      'complete loss for one user is medium',
      {
        ...lost,
        lifeAndHealth: false,
        homeOffice: false,
        highUptimeSystem: false,
        scope: 'oneUser',
        citizenService: false,
      },
      'medium',
      'userLoss',
    ],
    [
      'home office is low even when nothing works',
      { ...lost, lifeAndHealth: false, homeOffice: true, highUptimeSystem: true, scope: 'unit' },
      'low',
      'homeOffice',
    ],
    [
      'a fault that does not stop the work is low',
      { completeLoss: false, lifeAndHealth: true, scope: 'unit', citizenService: true },
      'low',
      'notBlocking',
    ],
  ])('%s', (_rule, answers, priority, decidedBy) => {
    const result = classifyPriority(answers);
    expect(result).toMatchObject({ priority, decidedBy, nextQuestion: null });
  });
});

describe('guided: which question comes next', () => {
  it.each<[string, PriorityAnswers, string | null, string]>([
    ['nothing answered: ask whether it blocks work', {}, 'completeLoss', 'low'],
    ['not blocking settles it at once', { completeLoss: false }, null, 'low'],
    ['blocking: ask about life and health', { completeLoss: true }, 'lifeAndHealth', 'medium'],
    [
      'life and health lost settles critical',
      { completeLoss: true, lifeAndHealth: true },
      null,
      'critical',
    ],
    [
      'not life and health: ask about home office',
      { completeLoss: true, lifeAndHealth: false },
      'homeOffice',
      'medium',
    ],
    [
      'home office (not life and health) settles low',
      { completeLoss: true, lifeAndHealth: false, homeOffice: true },
      null,
      'low',
    ],
    [
      'then ask about high uptime',
      { completeLoss: true, lifeAndHealth: false, homeOffice: false },
      'highUptimeSystem',
      'medium',
    ],
    [
      'then ask who is affected',
      { completeLoss: true, lifeAndHealth: false, homeOffice: false, highUptimeSystem: false },
      'scope',
      'medium',
    ],
    [
      'a whole unit settles high without asking about citizens',
      {
        completeLoss: true,
        lifeAndHealth: false,
        homeOffice: false,
        highUptimeSystem: false,
        scope: 'unit',
      },
      null,
      'high',
    ],
    [
      'one user: ask about citizen services last',
      {
        completeLoss: true,
        lifeAndHealth: false,
        homeOffice: false,
        highUptimeSystem: false,
        scope: 'oneUser',
      },
      'citizenService',
      'medium',
    ],
    ['answers given out of order still count', { lifeAndHealth: true }, 'completeLoss', 'low'],
    [
      'home office first: life and health still matters',
      { homeOffice: true },
      'completeLoss',
      'low',
    ],
    [
      'home office, not life and health: settled low',
      { homeOffice: true, lifeAndHealth: false },
      null,
      'low',
    ],
  ])('%s', (_rule, answers, nextQuestion, priority) => {
    expect(classifyPriority(answers)).toMatchObject({ nextQuestion, priority });
  });

  it('never asks more than the six questions, and always ends', () => {
    const answers: PriorityAnswers = {};
    const yes: PriorityAnswers = {
      completeLoss: true,
      lifeAndHealth: false,
      homeOffice: false,
      highUptimeSystem: false,
      scope: 'oneUser',
      citizenService: false,
    };
    for (let asked = 0; asked <= priorityQuestions.length; asked++) {
      const next = classifyPriority(answers).nextQuestion;
      if (next === null) break;
      expect(answers[next]).toBeUndefined();
      Object.assign(answers, { [next]: yes[next] });
    }
    expect(classifyPriority(answers)).toMatchObject({ priority: 'medium', nextQuestion: null });
  });
});

describe('explanations', () => {
  it.each([
    [
      'nn',
      { completeLoss: true, lifeAndHealth: true },
      'Prioritet kritisk: Bortfall av applikasjonar definert som nødvendige for tenester som omhandlar liv og helse.',
    ],
    [
      'nb',
      { completeLoss: false },
      'Prioritet lav: Feil i utstyr og/eller system som ikke er direkte til hinder for at tjenestemottakeren kan utføre den ordinære funksjonen utstyret eller systemet har i sin daglige bruk.',
    ],
    [
      'en',
      {
        completeLoss: true,
        lifeAndHealth: false,
        homeOffice: false,
        highUptimeSystem: false,
        scope: 'unit',
      },
      'Priority high: Complete loss of a system affecting at least one (1) unit / professional group.',
    ],
    [
      'nn',
      { completeLoss: true },
      'Førebels prioritet medium (ikkje alle spørsmåla er svara på): Fullstendig bortfall av system som gjeld minimum 1 brukar.',
    ],
  ] as const)('%s: %j', (locale, answers, sentence) => {
    expect(explainPriority(answers, locale)).toBe(sentence);
  });

  it('labels follow the glossary', () => {
    expect(Object.values(priorityLabels.nn)).toEqual(['kritisk', 'høg', 'medium', 'lav']);
    expect(Object.values(priorityLabels.nb)).toEqual(['kritisk', 'høy', 'middels', 'lav']);
    expect(Object.values(priorityLabels.en)).toEqual(['critical', 'high', 'medium', 'low']);
  });

  it.each([
    ['nn', ['Kritisk', 'Høg', 'Medium', 'Lav']],
    ['nb', ['Kritisk', 'Høy', 'Middels', 'Lav']],
    ['en', ['Critical', 'High', 'Medium', 'Low']],
  ] as const)('%s names standing alone are capitalised: %j', (locale, names) => {
    expect(priorities.map((p) => priorityName(p, locale))).toEqual(names);
  });

  it('every question is worded in all three languages, with help', () => {
    for (const q of priorityQuestions) {
      for (const locale of ['nn', 'nb', 'en'] as const) {
        expect(q.text[locale].length).toBeGreaterThan(10);
        expect(q.help[locale].length).toBeGreaterThan(10);
      }
    }
    expect(priorityQuestions.map((q) => q.key).sort()).toEqual([
      'citizenService',
      'completeLoss',
      'highUptimeSystem',
      'homeOffice',
      'lifeAndHealth',
      'scope',
    ]);
  });
});

/** Every Nynorsk text of the priority module: definitions, questions, help and options. */
function nynorskTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(nynorskTexts);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === 'nn' && typeof v === 'string' ? [v] : nynorskTexts(v),
  );
}

describe('the Nynorsk texts are Nynorsk', () => {
  const texts = [
    ...nynorskTexts(priorityDefinitions),
    ...nynorskTexts(priorityLevelDefinitions),
    ...nynorskTexts(priorityQuestions),
    ...Object.values(priorityLabels.nn),
    explainPriority({ completeLoss: true }, 'nn'),
  ];
  it('has texts to check', () => {
    expect(texts.length).toBeGreaterThan(20);
  });
  // Bokmål forms with a different Nynorsk word or spelling (nn in brackets).
  it.each([
    ['berører'], // gjeld, rører ved
    ['daglige'], // daglege
    ['ikke'], // ikkje
    ['bare'], // berre
    ['hvis'], // viss, om
    ['noen'], // nokon
    ['hva'], // kva
    ['jeg'], // eg
    ['tjeneste'], // teneste
    ['innbygger'], // innbyggar
    ['bruker'], // brukar
    ['enhet'], // eining
    ['foreløpig'], // førebels
    ['spørsmålene'], // spørsmåla
    ['hjemme'], // heime
  ])('no «%s»', (word) => {
    const pattern = new RegExp(`(^|[^\\p{L}])${word}`, 'iu');
    expect(texts.filter((t) => pattern.test(t))).toEqual([]);
  });
});
