// Integration test harness: an unknown rule name stops the build before the analysis, listing the valid names.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] Failed to execute goal dev.sqllint:sqllint-maven-plugin:0.1.0-SNAPSHOT:check (default) '
        + 'on project unknown-rule: sqllint: unknown rule name JoinForScalar in the configuration (rules, disabledRules); '
        + 'valid names: DistinctOnHistoryScan, OrAcrossAccessPaths, ExistsWhereJoinFits, DistinctOverFanOutJoin, JoinForScalarOnly')
assert !log.contains('files scanned')
assert !new File(basedir, 'target/sqllint/sqllint.sarif').exists()
assert log.contains('BUILD FAILURE')
return true
