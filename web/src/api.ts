/** The dashboard's only way to the data: the server's JSON API. */
import type {
  ArticleDetail,
  DyadSummary,
  Page,
  Series,
  StoredActor,
  StoredEvent,
  StoredQuote,
  StoreStats,
  Top,
  TopDyad,
} from '../../src/store/types.js';
import type { CodedDocument } from '../../src/output/schema.js';

export type { ArticleDetail, CodedDocument, DyadSummary, Series, StoredActor, StoredEvent, StoredQuote, Top, TopDyad };

export interface Health {
  ok: boolean;
  version: string;
  ontology: string;
  writes: 'open' | 'token' | 'disabled';
  store: { backend: string; location: string; stats: StoreStats } | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Params = Record<string, string | number | boolean | undefined | null>;

function query(params: Params): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'E_NETWORK', 'the dyad server cannot be reached (is `dyad serve` still running?)');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, e?.code ?? 'E_HTTP', e?.message ?? `${res.status} ${res.statusText}`);
  }
  return body as T;
}

export const api = {
  health: () => call<Health>('api/health'),
  dyads: (p: { from?: string; to?: string; level?: string; limit?: number; actor?: string }) =>
    call<{ items: DyadSummary[] }>(`api/dyads${query(p)}`),
  topDyads: (p: { from: string; to: string; by?: string; level?: string; limit?: number }) => call<Top<TopDyad>>(`api/dyads/top${query(p)}`),
  series: (p: { source: string; target: string; interval: string; from?: string; to?: string; directed?: boolean }) =>
    call<Series>(`api/series${query(p)}`),
  events: (p: Params) => call<Page<StoredEvent>>(`api/events${query(p)}`),
  quotes: (p: Params) => call<Page<StoredQuote>>(`api/quotes${query(p)}`),
  actors: (p: Params) => call<Page<StoredActor>>(`api/actors${query(p)}`),
  article: (id: string) => call<ArticleDetail>(`api/articles/${encodeURIComponent(id)}`),
  code: (text: string, date: string | null) =>
    call<CodedDocument>('api/code', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, date }),
    }),
};
