"""The command line: a face over corpus, analysis and jobs, like the dashboard's pages."""
