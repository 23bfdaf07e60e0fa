import { foldForSearch, LEVEL_RANK, type Level } from '@bmnn/contracts';

// The classification helper (LEGAL.md A2, A3): local, deterministic, rule-based. It ranks danh
// mục items by how many of their keywords and content words appear in the title and keywords of
// the thing being classified. It only suggests; a person decides and cites the item.

export type SuggestableItem = { id: string; level: Level; text: string; keywords: string[]; decisionNumber: string; itemNo: string };
export type Suggestion = { itemId: string; score: number; matched: string[]; level: Level; decisionNumber: string; itemNo: string; text: string };

// Words too common in administrative Vietnamese to tell items apart. Not "de", "do" or "thi": folded,
// they are also "đề", "độ" and "thi" (exam paper, level, exam).
const STOP = new Set(
  'va cua cac cho voi trong theo ve la co duoc khi da chua nhung mot cac tai tu den nay nhu tren duoi ban hanh quyet dinh thong tin tai lieu ke hoach bao cao'.split(' '),
);

function tokens(text: string): string[] {
  return foldForSearch(text)
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length >= 2 && !STOP.has(t));
}

/** Two-word phrases carry most of the meaning in Vietnamese ("de thi", "bien gioi"). */
function bigrams(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]} ${words[i + 1]}`);
  return out;
}

export function suggestDanhMucItems({ text, items, limit = 5 }: { text: string; items: SuggestableItem[]; limit?: number }): Suggestion[] {
  const words = tokens(text);
  if (words.length === 0) return [];
  const folded = ` ${words.join(' ')} `;
  const grams = new Set(bigrams(words));
  const single = new Set(words);
  const results: Suggestion[] = [];
  for (const item of items) {
    const matched: string[] = [];
    let score = 0;
    for (const keyword of item.keywords) {
      const k = tokens(keyword).join(' ');
      if (k && folded.includes(` ${k} `)) {
        matched.push(keyword);
        score += 3 + k.split(' ').length;
      }
    }
    const itemWords = tokens(item.text);
    for (const g of new Set(bigrams(itemWords))) if (grams.has(g)) score += 2;
    for (const w of new Set(itemWords)) if (single.has(w)) score += 0.5;
    if (score >= 3) results.push({ itemId: item.id, score, matched, level: item.level, decisionNumber: item.decisionNumber, itemNo: item.itemNo, text: item.text });
  }
  return results.sort((a, b) => b.score - a.score || LEVEL_RANK[b.level] - LEVEL_RANK[a.level]).slice(0, limit);
}
