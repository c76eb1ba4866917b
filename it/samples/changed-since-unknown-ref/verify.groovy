// Integration test harness: an unknown changedSince ref fails the build before any analysis, naming the ref.
def log = new File(basedir, 'build.log').text
assert log.contains("sqllint.changedSince names an unknown git ref 'origin/no-such-branch'")
assert log.contains('git fetch origin main')
assert !log.contains('files scanned')
assert !new File(basedir, 'target/sqllint/sqllint.sarif').exists()
assert log.contains('BUILD FAILURE')
return true
