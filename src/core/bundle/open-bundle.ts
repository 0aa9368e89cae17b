// The safe-import surface of a bundle, in one place for core/index.ts: open, refuse, summarise.
export { readBundle, FORMAT_1_FILES, type OpenedBundle } from './read-bundle.ts';
export { BundleError, type BundleRefusal } from './bundle-error.ts';
export { bundleSummary, type BundleSummary } from './bundle-summary.ts';
export { DEFAULT_BUNDLE_LIMITS, type BundleLimits } from './entry-checks.ts';
