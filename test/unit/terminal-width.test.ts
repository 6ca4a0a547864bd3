// Terminal layout by display width: Chinese characters take two columns and wrap without spaces;
// `charter sources` keeps its columns aligned whatever the status.
import { describe, expect, it } from 'vitest';
import { sourceTable, wrap } from '../../src/cli/terminal.js';
import { displayWidth } from '../../src/cli/width.js';

const ARTICLE =
  '第七条 生成式人工智能服务提供者（以下称提供者）应当依法开展预训练、优化训练等训练数据处理活动，遵守以下规定：（一）使用具有合法来源的数据和基础模型；';
const ISSUER =
  '国家互联网信息办公室、中华人民共和国国家发展和改革委员会、中华人民共和国教育部、中华人民共和国科学技术部 · 2023-07-10 · in force';

describe('terminal width', () => {
  it('counts a Chinese character as two columns, ANSI styles as none', () => {
    expect(displayWidth('第七条')).toBe(6);
    expect(displayWidth('Art. 7')).toBe(6);
    expect(displayWidth('\x1b[1m第七条\x1b[22m')).toBe(6);
    expect(displayWidth('é')).toBe(1);
  });

  it('wraps Chinese text and a long Chinese issuer line to the width, losing no character', () => {
    for (const [text, indent] of [
      [ARTICLE, '  │ '],
      [ISSUER, ''],
    ] as const) {
      const wrapped = wrap(text, 40, indent);
      const lines = wrapped.split('\n');
      expect(lines.length).toBeGreaterThan(2);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
      const joined = lines.map((l) => l.slice(indent.length)).join('');
      expect(joined.replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      // Closing punctuation never starts a line.
      for (const line of lines) expect(line.slice(indent.length)).not.toMatch(/^[，。、；：）]/);
    }
  });

  it('still wraps English at spaces', () => {
    expect(wrap('aaaa bbbb cccc dddd eeee ffff gggg', 20)).toBe('aaaa bbbb cccc dddd\neeee ffff gggg');
  });

  it('keeps the passage-count column of sources aligned with a long status', () => {
    const lines = sourceTable([
      {
        id: 'ca-aida-2022',
        date: '2022-06-16',
        status: 'died on the order paper',
        passages: 120,
        shortTitle: 'AIDA (Bill C-27)',
      },
      { id: 'eu-ai-act-2024', date: '2024-06-13', status: 'in force', passages: 1234, shortTitle: 'AI Act' },
      {
        id: 'cn-generative-ai-interim-measures-2023.zh',
        date: '2023-07-10',
        status: 'in force',
        passages: null,
        shortTitle: '生成式人工智能服务管理暂行办法',
      },
    ]);
    const ends = lines.map(
      (line) => line.search(/(passages|not synced) {2}/) + (/passages {2}/.test(line) ? 8 : 10),
    );
    expect(new Set(ends).size).toBe(1);
  });
});
