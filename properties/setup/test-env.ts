// The environment every test file runs in. The suite's own `check` runs
// must not append to a CI job's summary ($GITHUB_STEP_SUMMARY): only the
// test that asks for it sets it. And each zdspec process a test spawns
// starts one worker thread unless the test says --workers: the suite
// already runs two test files at once on two cores.
delete process.env.GITHUB_STEP_SUMMARY;
process.env.ZDSPEC_WORKERS ??= '1';
