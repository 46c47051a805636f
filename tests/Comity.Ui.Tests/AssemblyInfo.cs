// One server and one browser for the whole suite: tests run one after another in the Desk collection.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
