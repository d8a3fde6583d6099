// Quiet by default: the functions' Powertools logger writes a JSON line per event, which buries
// jest's report. A test that reads logs sets POWERTOOLS_LOG_LEVEL itself or injects a logger.
process.env.POWERTOOLS_LOG_LEVEL ??= "SILENT";
