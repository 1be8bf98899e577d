import catalog from './sdk-catalog.gen.json' with { type: 'json' };

/** The type of a builder method's argument, as the SDK's `.d.ts` declares it. */
export type SdkType =
  | { readonly k: 'any' | 'string' | 'number' | 'boolean' | 'undefined' }
  | { readonly k: 'literal'; readonly v: string | number | boolean | null }
  | {
      readonly k: 'enum';
      readonly module: string;
      readonly name: string;
      readonly members: Readonly<Record<string, string | number>>;
    }
  | { readonly k: 'union'; readonly of: readonly SdkType[] }
  | { readonly k: 'array'; readonly of: SdkType }
  | { readonly k: 'builder'; readonly of: string }
  | { readonly k: 'ref'; readonly name: string }
  | {
      readonly k: 'object';
      readonly props: Readonly<Record<string, { readonly t: SdkType; readonly optional: boolean }>>;
      readonly index?: SdkType;
    };

/** What a builder method writes: `set` replaces the value at `path`, `push` appends to the array there. */
export type SdkMethod =
  | {
      readonly kind: 'set' | 'push';
      readonly name: string;
      readonly path: string;
      readonly build?: 'one' | 'each';
      /** Constants the method sets besides (RowBuilder.withPanel also sets `collapsed: true`). */
      readonly also?: readonly { readonly path: string; readonly value: boolean }[];
      readonly params: readonly SdkType[];
    }
  | {
      readonly kind: 'const';
      readonly name: string;
      readonly sets: readonly { readonly path: string; readonly value: string | number | boolean }[];
      readonly params: readonly SdkType[];
    }
  | {
      readonly kind: 'override';
      readonly name: string;
      readonly path: string;
      readonly matcher: string;
      readonly params: readonly SdkType[];
    };

export interface SdkBuilder {
  /** Subpath of the SDK (`timeseries` → `@grafana/grafana-foundation-sdk/timeseries`). */
  readonly module: string;
  readonly name: string;
  /** `module.Type` of what `build()` returns. */
  readonly builds: string;
  /** Path each constructor argument sets (`['title']`). */
  readonly ctor: readonly string[];
  readonly methods: readonly SdkMethod[];
}

export interface SdkCatalog {
  readonly sdkVersion: string;
  readonly modules: readonly string[];
  /** By `module.Class`. */
  readonly builders: Readonly<Record<string, SdkBuilder>>;
  /** Named types by `module.Name`. */
  readonly types: Readonly<Record<string, SdkType>>;
}

/**
 * The foundation SDK's builders as data, generated from the installed SDK by `npm run gen:sdk-catalog`
 * (scripts/sdk-catalog/) and checked fresh by a test, so import follows the SDK instead of a hand list.
 */
export const SDK_CATALOG: SdkCatalog = catalog as SdkCatalog;
