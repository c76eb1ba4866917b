// Integration test harness: sqllint.skip skips the goal, so no report and no failure.
assert !new File(basedir, 'target/sqllint/sqllint.sarif').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('sqllint: skipped (sqllint.skip)')
assert log.contains('BUILD SUCCESS')
return true
