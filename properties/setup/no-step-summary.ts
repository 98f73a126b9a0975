// The suite's own `check` runs must not append to a CI job's summary
// ($GITHUB_STEP_SUMMARY): only the test that asks for it sets it.
delete process.env.GITHUB_STEP_SUMMARY;
