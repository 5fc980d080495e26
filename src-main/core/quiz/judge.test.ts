import { describe, expect, it } from 'vitest';
import {
  isRealRole,
  judgeContext,
  judgeQuestion,
  judgeQuiz,
  notAnActor,
  sameActorNames,
  type DefectClass,
} from './judge';
import { analysisOf } from './test-analysis';
import { questionWith } from './test-question';
import type { Question } from './types';

// An invented article: a dateline, a body and the writer's note at the end.
const TEXT = [
  'PORTVALE, Norland, March 3, 2025 — Mayor Ilse Varga opened the new harbour bridge on Monday with the Bank of Norland and its governor Pavel Dvorak.',
  'The Bank of Norland (BON) paid for half of the bridge, Dvorak said at the opening ceremony in the old town.',
  'The council approved the plan on February 12, 2025, after a long debate about the cost of the works.',
  'Lena Holt is a journalist and world traveller for the Portvale Courier.',
].join('\n');
const ANALYSIS = analysisOf(
  TEXT,
  [
    { name: 'Ilse Varga', type: 'person', aliases: ['Mayor Ilse Varga'], roles: ['Mayor'] },
    { name: 'Pavel Dvorak', type: 'person', aliases: ['Dvorak'], roles: ['governor'] },
    { name: 'Bank of Norland', type: 'organization', aliases: ['BON'] },
    { name: 'Norland', type: 'country' },
    { name: 'Lena Holt', type: 'person', roles: ['journalist'] },
  ],
  [
    { text: 'February 12, 2025', value: '2025-02-12', precision: 'day' },
    { text: 'March 3, 2025', value: '2025-03-03', precision: 'day' },
    { text: 'Monday', value: '2025-03-03', precision: 'day' },
  ],
  '2025-03-03',
);

const SENTENCES = TEXT.split('\n');
function evidence(n: number): Question['evidence'] {
  const text = SENTENCES[n] ?? '';
  const start = TEXT.indexOf(text);
  return { start, end: start + text.length, text };
}

function q(over: Partial<Question>): Question {
  return questionWith({ evidence: evidence(1), support: '', ...over });
}

const WHO_GOOD = q({
  prompt:
    'Who fills the blank? “The Bank of Norland (BON) paid for half of the bridge, ___ said at the opening ceremony in the old town.”',
  answer: 'Pavel Dvorak',
  acceptableAnswers: ['Dvorak'],
  support: 'Dvorak',
  choices: ['Pavel Dvorak', 'Ilse Varga'],
});
const WHEN_GOOD = q({
  kind: 'when',
  answerType: 'date',
  evidence: evidence(2),
  support: 'February 12, 2025',
  value: '2025-02-12',
  precision: 'day',
  prompt:
    'Which date fills the blank? “The council approved the plan on ___, after a long debate about the cost of the works.”',
  answer: 'February 12, 2025',
  acceptableAnswers: ['2025-02-12'],
  choices: ['February 12, 2025', 'February 19, 2025'],
});
const ROLE_GOOD = q({
  kind: 'role',
  answerType: 'role',
  evidence: evidence(0),
  prompt: 'What position does Pavel Dvorak hold?',
  answer: 'governor',
  support: 'governor',
  choices: ['governor', 'Mayor'],
});
const MATCH_GOOD = q({
  kind: 'match',
  answerType: 'pairs',
  evidence: evidence(0),
  support: 'Mayor',
  prompt: 'Match each name to the role the article gives it.',
  answer: 'Ilse Varga: Mayor; Pavel Dvorak: governor',
  choices: ['governor', 'Mayor'],
  items: [
    { id: 'i1', label: 'Ilse Varga', match: 'Mayor', evidence: evidence(0), support: 'Mayor' },
    { id: 'i2', label: 'Pavel Dvorak', match: 'governor', evidence: evidence(0), support: 'governor' },
  ],
});
const TF_GOOD = q({
  kind: 'truefalse',
  answerType: 'truth',
  evidence: evidence(2),
  support: 'February 12, 2025',
  answer: 'True',
  prompt: `True or false? “${SENTENCES[2]}”`,
  choices: ['True', 'False'],
});

const QUOTE_GOOD = q({
  kind: 'quote',
  evidence: evidence(1),
  support: 'Dvorak',
  prompt: 'Who said “paid for half of the bridge”?',
  answer: 'Pavel Dvorak',
  acceptableAnswers: ['Dvorak'],
  choices: ['Pavel Dvorak', 'Ilse Varga'],
});

// Each class: a question that has the defect, and the sound question it is made from.
const CASES: [DefectClass, Question, Question][] = [
  [
    'answer-visible',
    q({
      ...WHO_GOOD,
      prompt: 'Who fills the blank? “The Bank of Norland paid for half, Pavel Dvorak said, ___ added at the ceremony.”',
    }),
    WHO_GOOD,
  ],
  [
    'answer-visible',
    q({
      ...WHEN_GOOD,
      prompt: 'Which date fills the blank? “The council approved the plan on ___ (February 12, 2025) after a debate.”',
    }),
    WHEN_GOOD,
  ],
  ['thin-blank', q({ ...WHEN_GOOD, prompt: 'Which date fills the blank? “Approved on ___”' }), WHEN_GOOD],
  ['thin-blank', q({ ...WHEN_GOOD, prompt: 'Which date fills the blank? “___”' }), WHEN_GOOD],
  [
    'duplicate-choice-actor',
    q({
      ...WHO_GOOD,
      kind: 'who',
      prompt:
        'Which organisation fills the blank? “The ___ paid for half of the bridge, Dvorak said at the opening ceremony.”',
      answer: 'Bank of Norland',
      support: 'Bank of Norland',
      choices: ['Bank of Norland', 'BON', 'Portvale Courier'],
    }),
    q({
      ...WHO_GOOD,
      prompt:
        'Which organisation fills the blank? “The ___ paid for half of the bridge, Dvorak said at the opening ceremony.”',
      answer: 'Bank of Norland',
      support: 'Bank of Norland',
      choices: ['Bank of Norland', 'Portvale Courier'],
    }),
  ],
  ['duplicate-choice-actor', q({ ...WHO_GOOD, choices: ['Pavel Dvorak', 'Ilse Varga', 'Ilsa Varga'] }), WHO_GOOD],
  [
    'wrong-kind-answer',
    q({ ...WHO_GOOD, prompt: WHO_GOOD.prompt.replace('Who fills', 'Which country fills') }),
    WHO_GOOD,
  ],
  ['wrong-kind-answer', q({ ...WHO_GOOD, choices: ['Pavel Dvorak', 'Friday'] }), WHO_GOOD],
  [
    'wrong-kind-answer',
    q({
      ...WHEN_GOOD,
      evidence: evidence(0),
      support: 'Monday',
      value: '2025-03-03',
      answer: 'March 3, 2025',
      prompt:
        'Which date fills the blank? “Mayor Ilse Varga opened the new harbour bridge on ___ with the Bank of Norland.”',
    }),
    q({ ...WHEN_GOOD }),
  ],
  ['not-a-role', q({ ...ROLE_GOOD, answer: 'councillors', support: 'councillors' }), ROLE_GOOD],
  ['not-a-role', q({ ...ROLE_GOOD, answer: 'veteran', support: 'veteran' }), ROLE_GOOD],
  ['not-a-role', q({ ...ROLE_GOOD, answer: 'general', support: 'general' }), ROLE_GOOD],
  ['not-a-role', q({ ...ROLE_GOOD, answer: 'King of', support: 'King of' }), ROLE_GOOD],
  ['date-disagrees', q({ ...WHEN_GOOD, value: '2025-02-13', answer: 'February 13, 2025' }), WHEN_GOOD],
  [
    'date-disagrees',
    q({ ...WHEN_GOOD, prompt: 'When is the council vote on the plan?' }),
    q({ ...WHEN_GOOD, prompt: 'When was the council vote on the plan?' }),
  ],
  [
    'outside-body',
    q({
      ...ROLE_GOOD,
      evidence: evidence(3),
      prompt: 'What position does Lena Holt hold?',
      answer: 'journalist',
      support: 'journalist',
    }),
    ROLE_GOOD,
  ],
  [
    'outside-body',
    q({
      ...WHEN_GOOD,
      evidence: evidence(0),
      support: 'March 3, 2025',
      value: '2025-03-03',
      answer: 'March 3, 2025',
      prompt:
        'Which date fills the blank? “PORTVALE, Norland, ___ — Mayor Ilse Varga opened the new harbour bridge on Monday.”',
    }),
    WHEN_GOOD,
  ],
  [
    'outside-body',
    q({
      ...MATCH_GOOD,
      items: [
        ...(MATCH_GOOD.items ?? []).slice(0, 1),
        { id: 'i3', label: 'Lena Holt', match: 'journalist', evidence: evidence(3), support: 'journalist' },
      ],
    }),
    MATCH_GOOD,
  ],
  [
    'truefalse-not-factual',
    q({ ...TF_GOOD, evidence: evidence(1), prompt: `True or false? “${SENTENCES[1]?.replace('paid', 'may pay')}”` }),
    TF_GOOD,
  ],
  [
    'truefalse-not-factual',
    q({ ...TF_GOOD, prompt: 'True or false? ““We approved the plan,” the council said after a long debate.”' }),
    TF_GOOD,
  ],
  [
    'truefalse-swap',
    q({ ...TF_GOOD, prompt: `True or false? “${SENTENCES[2]?.replace('debate', 'quarrel')}”` }),
    TF_GOOD,
  ],
  [
    'truefalse-swap',
    q({ ...TF_GOOD, answer: 'False' }),
    q({
      ...TF_GOOD,
      answer: 'False',
      prompt: `True or false? “${SENTENCES[2]?.replace('February 12', 'February 19')}”`,
    }),
  ],
  [
    'truefalse-swap',
    q({
      ...TF_GOOD,
      answer: 'False',
      evidence: evidence(0),
      prompt: `True or false? “${SENTENCES[0]?.replace('Pavel Dvorak', 'Ilse Varga')}”`,
    }),
    q({
      ...TF_GOOD,
      answer: 'False',
      evidence: evidence(0),
      prompt: `True or false? “${SENTENCES[0]?.replace('Ilse Varga', 'Lena Holt')}”`,
    }),
  ],
  [
    'prompt-misreads',
    q({ ...WHEN_GOOD, prompt: 'When was the plan?' }),
    q({ ...WHEN_GOOD, prompt: 'When was the council vote on the plan?' }),
  ],
  [
    'prompt-misreads',
    q({ ...WHEN_GOOD, prompt: 'When were the council vote on the plan?' }),
    q({ ...WHEN_GOOD, prompt: 'When was the council vote on the plan?' }),
  ],
  [
    'prompt-misreads',
    q({ ...WHEN_GOOD, prompt: 'When was the dates of the council vote?' }),
    q({ ...WHEN_GOOD, prompt: 'When were the council hearings?' }),
  ],
  [
    'prompt-misreads',
    q({
      ...QUOTE_GOOD,
      prompt: 'Which organisation said “paid for half of the bridge”?',
      answer: 'Dvorak',
      choices: ['Dvorak', 'Portvale Courier'],
    }),
    QUOTE_GOOD,
  ],
];

describe('judgeQuestion', () => {
  const ctx = judgeContext(ANALYSIS, TEXT);
  it.each(CASES.map(([c, bad, good], i) => [c, i, bad, good] as const))(
    'catches %s (case %i) and passes the sound question',
    (cls, _, bad, good) => {
      expect(judgeQuestion(bad, ctx).map((d) => d.class)).toContain(cls);
      expect(judgeQuestion(good, ctx).map((d) => `${d.class}: ${d.message}`)).toEqual([]);
    },
  );
});

describe('judgeQuiz', () => {
  it('catches a prompt asked twice and passes distinct ones', () => {
    const twice = [ROLE_GOOD, q({ ...ROLE_GOOD, id: 'q2', answer: 'Mayor' })];
    expect(judgeQuiz(twice, ANALYSIS, TEXT).map((d) => d.class)).toContain('duplicate-prompt');
    expect(judgeQuiz([ROLE_GOOD, WHO_GOOD, WHEN_GOOD], ANALYSIS, TEXT)).toEqual([]);
  });

  it('catches more than a quarter of true/false and passes a quarter', () => {
    const others = [ROLE_GOOD, WHO_GOOD, WHEN_GOOD].map((x, i) => ({ ...x, id: `o${i}` }));
    const tf = (n: number): Question[] =>
      Array.from({ length: n }, (_, i) => {
        const text = TF_GOOD.evidence.text.replace('works', `works ${i}`);
        return { ...TF_GOOD, id: `t${i}`, prompt: `True or false? “${text}”`, evidence: { ...TF_GOOD.evidence, text } };
      });
    expect(judgeQuiz([...others, ...tf(2)], ANALYSIS, TEXT).map((d) => d.class)).toContain('truefalse-share');
    expect(judgeQuiz([...others, ...tf(1)], ANALYSIS, TEXT).map((d) => d.message)).toEqual([]);
  });
});

describe('the judge rules', () => {
  it.each([
    ['BOJ', 'Bank of Japan', true],
    ['Fed', 'Federal Reserve', true],
    ['Marc Antony', 'Mark Antony', true],
    ['North Korea', 'South Korea', false],
    ['Ana Lima', 'Rui Costa', false],
  ])('"%s" and "%s" name one actor: %s', (a, b, want) => {
    expect(sameActorNames(null, a, b)).toBe(want);
  });

  it.each([
    ['governor of the central bank', true],
    ['Chief executive', true],
    ['WHO director-general', true],
    ['veteran', false],
    ['councillors', false],
    ['general', false],
    ['Gen.', false],
    ['colleague', false],
    ['head of', false],
    ['told reporters', false],
    ['said in a statement', false],
    ['retired general', true],
    ['is a hospital administrator in Turin', false],
    ['was the finance minister', false],
    ['hospital administrator in Turin', true],
  ])('"%s" is a role: %s', (role, want) => {
    expect(isRealRole(role)).toBe(want);
  });
});

describe('names that are no actor', () => {
  it.each([
    ['Ana Lima Image', 'person', 'caption word'],
    ['MV Sea Lark', 'organization', 'ship'],
    ['NASA T-shirts', 'organization', 'object'],
    ['Boston Maria Lopez', 'person', 'place'],
    ['Maria Lopez', 'country', 'person typed as a country'],
    ['Green Party', 'person', 'organisation typed as a person'],
  ] as const)('"%s" (%s) is caught: %s', (name, type, why) => expect(notAnActor(name, type)).toContain(why));

  it.each([
    ['Ana Lima', 'person'],
    ['George Washington', 'person'],
    ['Paris Hilton', 'person'],
    ['South Korea', 'country'],
    ['Bank of Japan', 'organization'],
    ['Getty Images', 'organization'],
  ] as const)('"%s" (%s) passes', (name, type) => expect(notAnActor(name, type)).toBe(null));

  it('catches a who question about one, and an answer whose other spelling stands in the prompt', () => {
    const text = 'Mission director Marc Antony Delacroix said Mark Antony Delacroix had slept at the base for a week.';
    const analysis = analysisOf(text, [
      { name: 'Marc Antony Delacroix', type: 'person' },
      { name: 'Mark Antony Delacroix', type: 'person' },
    ]);
    const ctx = judgeContext(analysis, text);
    const base = q({
      evidence: { start: 0, end: text.length, text },
      support: 'Mark Antony Delacroix',
      answer: 'Mark Antony Delacroix',
    });
    const shown = {
      ...base,
      prompt:
        'Who fills the blank? “Mission director Marc Antony Delacroix said ___ had slept at the base for a week.”',
    };
    expect(judgeQuestion(shown, ctx).map((d) => d.class)).toContain('answer-visible');
    const hidden = {
      ...base,
      prompt: 'Who fills the blank? “Mission director ___ said ___ had slept at the base for a week.”',
    };
    expect(judgeQuestion(hidden, ctx)).toEqual([]);
    const firm = analysisOf('Norland’s largest ferry operator, Sea Lanes, said it would cut jobs on Monday.', [
      { name: 'Sea Lanes', type: 'person', roles: ['Norland’s largest ferry operator'] },
      { name: 'Ana Lima', type: 'person', roles: ['president of the Dock Workers Union'] },
    ]);
    const firmText = 'Norland’s largest ferry operator, Sea Lanes, said it would cut jobs on Monday.';
    const asked = q({
      evidence: { start: 0, end: firmText.length, text: firmText },
      support: 'Sea Lanes',
      answer: 'Sea Lanes',
      prompt: 'Who fills the blank? “Norland’s largest ferry operator, ___, said it would cut jobs on Monday.”',
    });
    expect(judgeQuestion(asked, judgeContext(firm, firmText)).map((d) => d.class)).toContain('wrong-kind-answer');
    expect(
      judgeQuestion({ ...asked, answer: 'Ana Lima', support: 'Sea Lanes' }, judgeContext(firm, firmText)).filter(
        (d) => d.class === 'wrong-kind-answer',
      ),
    ).toEqual([]);
    const ship = {
      ...base,
      answer: 'MV Sea Lark',
      prompt: 'Who fills the blank? “Mission director ___ said he had slept at the base for a week.”',
    };
    expect(judgeQuestion(ship, ctx).map((d) => d.class)).toContain('wrong-kind-answer');
  });
});

describe('places and name fragments the engine mistyped', () => {
  // An invented article where the engine typed a town as an organisation and kept a piece of a committee's name.
  const text = [
    '"We walked for three days," said Amina Sowe, who reached Tessport on Monday with her sons.',
    'The road to Tessport flooded again, and the Norland Ports Authority suspended its convoys from Brannock.',
    'Rep. Ana Lima, who chairs the Assembly Transport and Harbours Committee, said she would hold a hearing.',
  ].join('\n');
  const analysis = analysisOf(text, [
    { name: 'Amina Sowe', type: 'person' },
    { name: 'Tessport', type: 'organization' },
    { name: 'Norland Ports Authority', type: 'organization' },
    { name: 'Ana Lima', type: 'person', roles: ['Rep.'] },
    { name: 'Assembly Transport and Harbours Committee', type: 'organization' },
    { name: 'Harbours Committee', type: 'organization' },
  ]);
  const ctx = judgeContext(analysis, text);
  const line = (n: number): Question['evidence'] => {
    const t = text.split('\n')[n] ?? '';
    const start = text.indexOf(t);
    return { start, end: start + t.length, text: t };
  };
  const ask = (over: Partial<Question>): Question => q({ evidence: line(0), ...over });

  it('catches an organisation answer the sentence puts after "reached", and passes one it does not', () => {
    const bad = ask({
      prompt:
        'Which organisation fills the blank? “"We walked for three days," said Amina Sowe, who reached ___ on Monday with her sons.”',
      answer: 'Tessport',
      support: 'Tessport',
      choices: ['Tessport', 'Norland Ports Authority'],
    });
    expect(
      judgeQuestion(bad, ctx)
        .map((d) => d.message)
        .join('; '),
    ).toContain('after "reached"');
    const good = ask({
      evidence: line(1),
      prompt:
        'Which organisation fills the blank? “The road to Tessport flooded again, and the ___ suspended its convoys from Brannock.”',
      answer: 'Norland Ports Authority',
      support: 'Norland Ports Authority',
      choices: ['Norland Ports Authority', 'Assembly Transport and Harbours Committee'],
    });
    expect(judgeQuestion(good, ctx).map((d) => `${d.class}: ${d.message}`)).toEqual([]);
  });

  it('catches an organisation answer the sentence puts before "dynasty" or "empire"', () => {
    for (const realm of ['dynasty', 'empire', 'clan']) {
      const bad = ask({
        evidence: line(1),
        prompt: `Which organisation fills the blank? “The road to Tessport was built under the ___ ${realm}, long before the convoys from Brannock.”`,
        answer: 'Norland Ports Authority',
        support: 'Norland Ports Authority',
        choices: ['Norland Ports Authority', 'Assembly Transport and Harbours Committee'],
      });
      expect(
        judgeQuestion(bad, ctx)
          .map((d) => d.message)
          .join('; '),
      ).toContain(`before "${realm}"`);
    }
  });

  it('catches a city the text uses as an adjective ("the Lyon consultancy") offered as an organisation choice', () => {
    const own =
      'Ines Moreau, an analyst at the Lyon consultancy Verde Norte, said the Norland Ports Authority had lost money.';
    const a = analysisOf(own, [
      { name: 'Ines Moreau', type: 'person' },
      { name: 'Lyon', type: 'organization' },
      { name: 'Verde Norte', type: 'organization' },
      { name: 'Norland Ports Authority', type: 'organization' },
    ]);
    const bad = q({
      evidence: { start: 0, end: own.length, text: own },
      prompt:
        'Which organisation fills the blank? “Ines Moreau, an analyst at the Lyon consultancy Verde Norte, said the ___ had lost money.”',
      answer: 'Norland Ports Authority',
      support: 'Norland Ports Authority',
      choices: ['Norland Ports Authority', 'Lyon', 'Verde Norte'],
    });
    expect(judgeQuestion(bad, judgeContext(a, own)).map((d) => d.message)).toContain(
      'choice "Lyon" is a place the text names, not an actor',
    );
  });

  it('catches a town the text names as a place offered as an organisation choice', () => {
    const bad = ask({
      evidence: line(1),
      prompt:
        'Which organisation fills the blank? “The road to Tessport flooded again, and the ___ suspended its convoys from Brannock.”',
      answer: 'Norland Ports Authority',
      support: 'Norland Ports Authority',
      choices: ['Norland Ports Authority', 'Tessport'],
    });
    expect(judgeQuestion(bad, ctx).map((d) => `${d.class}: ${d.message}`)).toEqual([
      'wrong-kind-answer: choice "Tessport" is a place the text names, not an actor',
    ]);
  });

  it("catches a choice that is only ever part of another actor's name, as answer or distractor", () => {
    const asAnswer = ask({
      evidence: line(2),
      prompt:
        'Which organisation fills the blank? “Rep. Ana Lima, who chairs the Assembly Transport and ___, said she would hold a hearing.”',
      answer: 'Harbours Committee',
      support: 'Harbours Committee',
      choices: ['Harbours Committee', 'Norland Ports Authority'],
    });
    expect(judgeQuestion(asAnswer, ctx).map((d) => d.class)).toContain('name-fragment');
    const asChoice = ask({
      evidence: line(1),
      prompt:
        'Which organisation fills the blank? “The road to Tessport flooded again, and the ___ suspended its convoys from Brannock.”',
      answer: 'Norland Ports Authority',
      support: 'Norland Ports Authority',
      choices: ['Norland Ports Authority', 'Harbours Committee'],
    });
    expect([...new Set(judgeQuestion(asChoice, ctx).map((d) => d.class))]).toEqual(['name-fragment']);
  });

  it('passes a short name the text also writes on its own', () => {
    const own = 'The Harbours Committee met on Monday. Later the Assembly Transport and Harbours Committee voted.';
    const a = analysisOf(own, [
      { name: 'Harbours Committee', type: 'organization' },
      { name: 'Assembly Transport and Harbours Committee', type: 'organization' },
      { name: 'Norland Ports Authority', type: 'organization' },
    ]);
    const fine = q({
      evidence: { start: 0, end: 37, text: own.slice(0, 37) },
      prompt: 'Which organisation fills the blank? “The ___ met on Monday, and nobody else did then.”',
      answer: 'Harbours Committee',
      support: 'Harbours Committee',
      choices: ['Harbours Committee', 'Norland Ports Authority'],
    });
    expect(judgeQuestion(fine, judgeContext(a, own)).filter((d) => d.class === 'name-fragment')).toEqual([]);
  });
});

describe('spans the judge sees are cut, from the text alone', () => {
  const text = [
    'The Norland Office for the Coordination of Harbour Affairs (NOCHA) warned on Monday, and the UN harbour agency (UNHA) agreed.',
    "The NPA's Tessport field office is investigating, with help from the Norland Ports Authority.",
    'Rep. Ana Lima, who chairs the Assembly Transport and Harbours Committee, said she would hold a hearing.',
  ].join('\n');
  // The engine's mistakes, as the old engine made them: a name cut before "of", a possessive run on, a fragment.
  const analysis = analysisOf(text, [
    { name: 'Norland Office for the Coordination', type: 'organization', aliases: ['UN'] },
    { name: 'NOCHA', type: 'organization' },
    { name: "NPA's Tessport", type: 'organization' },
    { name: 'Norland Ports Authority', type: 'organization' },
    { name: 'Assembly Transport', type: 'organization' },
    { name: 'Harbours Committee', type: 'organization' },
    { name: 'Ana Lima', type: 'person' },
  ]);
  const ctx = judgeContext(analysis, text);
  const line = (n: number): Question['evidence'] => {
    const t = text.split('\n')[n] ?? '';
    const start = text.indexOf(t);
    return { start, end: start + t.length, text: t };
  };
  const orgQ = (n: number, prompt: string, answer: string, support: string, choices: string[]): Question =>
    q({
      evidence: line(n),
      prompt: `Which organisation fills the blank? “${prompt}”`,
      answer,
      support,
      choices,
    });

  it.each([
    [
      'a name cut before "of"',
      orgQ(
        0,
        'The ___ (NOCHA) warned on Monday, and the UN harbour agency (UNHA) agreed.',
        'Norland Office for the Coordination',
        'Norland Office for the Coordination',
        ['Norland Office for the Coordination', 'Norland Ports Authority'],
      ),
      'name-fragment',
    ],
    [
      'a name run past a possessive',
      orgQ(
        1,
        'The ___ field office is investigating, with help from the Norland Ports Authority.',
        "NPA's Tessport",
        "NPA's Tessport",
        ["NPA's Tessport", 'Norland Ports Authority'],
      ),
      'wrong-kind-answer',
    ],
    [
      'a subject word cut off at "and"',
      orgQ(
        2,
        'Rep. Ana Lima, who chairs the Assembly Transport and ___, said she would hold a hearing.',
        'Harbours Committee',
        'Harbours Committee',
        ['Harbours Committee', 'Norland Ports Authority'],
      ),
      'name-fragment',
    ],
  ] as const)('catches %s', (_, question, cls) => {
    expect(judgeQuestion(question, ctx).map((d) => d.class)).toContain(cls);
  });

  it('catches a world body blanked with a longer name that merely starts with it as the answer', () => {
    const text2 =
      'The UN Office for Harbour Affairs met on Monday. The UN harbour agency (UNHA) said 4,000 boats had arrived.';
    const a = analysisOf(text2, [
      { name: 'UN Office for Harbour Affairs', type: 'organization', aliases: ['UN'] },
      { name: 'UNHA', type: 'organization' },
    ]);
    const ev = { start: 49, end: text2.length, text: text2.slice(49) };
    const bad = q({
      evidence: ev,
      prompt: 'Which organisation fills the blank? “The ___ harbour agency (UNHA) said 4,000 boats had arrived.”',
      answer: 'UN Office for Harbour Affairs',
      support: 'UN',
      choices: ['UN Office for Harbour Affairs', 'UNHA'],
    });
    expect(
      judgeQuestion(bad, judgeContext(a, text2))
        .map((d) => d.message)
        .join('; '),
    ).toContain('a body of its own');
  });

  it('passes whole names', () => {
    const good = orgQ(
      1,
      "The NPA's Tessport field office is investigating, with help from the ___.",
      'Norland Ports Authority',
      'Norland Ports Authority',
      ['Norland Ports Authority', 'NOCHA'],
    );
    expect(judgeQuestion(good, ctx).map((d) => `${d.class}: ${d.message}`)).toEqual([]);
  });
});
