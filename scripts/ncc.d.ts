// The part of @vercel/ncc's programmatic API that the build uses; the package ships no types.
declare module '@vercel/ncc' {
  interface NccOptions {
    minify?: boolean;
    cache?: boolean;
    quiet?: boolean;
    externals?: string[] | Record<string, string>;
    target?: string;
    mainFields?: string[];
  }
  interface NccResult {
    code: string;
    assets: Record<string, { source: string | Buffer; permissions?: number }>;
  }
  export default function ncc(input: string, options?: NccOptions): Promise<NccResult>;
}
