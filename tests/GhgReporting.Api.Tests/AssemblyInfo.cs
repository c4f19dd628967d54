// Each test class hosts the whole service (WebApplicationFactory). Hangfire keeps some configuration
// process-wide (GlobalConfiguration, JobStorage.Current); two hosts built at the same moment in one process
// interfered with each other's job client (issue 5 note). Until that is isolated, the classes run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
