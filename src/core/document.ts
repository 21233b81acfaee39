import type { Article } from './article.js';
import type { LayerMap, LayerName } from './layers.js';
import type { Message } from './messages.js';

/**
 * One immutable document: the article and the layers stages have added.
 * `withLayer` returns a new document; nothing is changed in place.
 */
export class Doc {
  private constructor(
    readonly article: Article,
    private readonly layers: Readonly<Partial<LayerMap>>,
    readonly messages: readonly Message[],
  ) {
    Object.freeze(this);
  }

  static of(article: Article, messages: readonly Message[] = []): Doc {
    return new Doc(Object.freeze({ ...article }), Object.freeze({}), Object.freeze([...messages]));
  }

  get text(): string {
    return this.article.text;
  }

  has(name: LayerName): boolean {
    return this.layers[name] !== undefined;
  }

  /** a layer an earlier stage added; the pipeline checked at construction that it exists */
  get<K extends LayerName>(name: K): LayerMap[K] {
    const layer = this.layers[name];
    if (layer === undefined) throw new Error(`layer "${name}" is not on this document`);
    return layer as LayerMap[K];
  }

  withLayer<K extends LayerName>(name: K, layer: LayerMap[K], messages: readonly Message[] = []): Doc {
    if (Array.isArray(layer)) Object.freeze(layer);
    return new Doc(
      this.article,
      Object.freeze({ ...this.layers, [name]: layer }),
      messages.length ? Object.freeze([...this.messages, ...messages]) : this.messages,
    );
  }

  withMessages(messages: readonly Message[]): Doc {
    if (!messages.length) return this;
    return new Doc(this.article, this.layers, Object.freeze([...this.messages, ...messages]));
  }

  get fatal(): boolean {
    return this.messages.some((m) => m.severity === 'fatal');
  }
}
