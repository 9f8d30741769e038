// Browser walk-throughs run one at a time: each starts its own app and Chromium, and on a 2-core machine that is also
// running the other test assemblies, four of them at once can starve a page past Playwright's action timeouts.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
