// Integration test harness: `mvn site` renders the sqllint page in the site's skin, linked from Project Reports;
// then `sqllint:check -Dsqllint.formats=html` fails on the unknown format, naming the valid ones.
def page = new File(basedir, 'target/site/sqllint.html')
assert page.isFile() : 'mvn site wrote no sqllint page'
def html = page.text
// inside the skin: the site's layout around the report's content
assert html.contains('id="bodyColumn"')
assert html.contains('<h1>sqllint: slow SQL query shapes</h1>')
assert html.contains('2 findings in 1 file.')

// per rule: the count, and a link to each finding
def perRule = html.substring(html.indexOf('<h2>Findings per rule</h2>'), html.indexOf('<h2>Findings per file</h2>'))
assert perRule =~ /<td>OrAcrossAccessPaths<\/td>\s*<td>warning<\/td>\s*<td>1<\/td>/
assert perRule =~ /<td>DistinctOverFanOutJoin<\/td>\s*<td>warning<\/td>\s*<td>1<\/td>/
assert perRule =~ /<td>JoinForScalarOnly<\/td>\s*<td>warning<\/td>\s*<td>0<\/td>/
assert perRule.contains('<code>src/main/java/com/acme/library/LibraryDao.java:19:81</code></a> in LibraryDao.library')
assert perRule.contains('<code>src/main/java/com/acme/library/LibraryDao.java:25:42</code></a> in LibraryDao.playlistsWithOwnTracks')

// per file: line, column, rule, the message and the fix
def perFile = html.substring(html.indexOf('<h2>Findings per file</h2>'))
assert perFile.contains('<h3>src/main/java/com/acme/library/LibraryDao.java</h3>')
assert perFile =~ /19<\/a><\/td>\s*<td>81<\/td>\s*<td>OrAcrossAccessPaths<\/td>\s*<td>t\.owner_id = \? OR t\.track_id IN/
assert perFile =~ /25<\/a><\/td>\s*<td>42<\/td>\s*<td>DistinctOverFanOutJoin<\/td>/
assert perFile.contains('drop DISTINCT</td>')

// linked from the site's Project Reports page
assert new File(basedir, 'target/site/project-reports.html').text.contains('href="sqllint.html"')

def log = new File(basedir, 'build.log').text
assert log.contains('Generating "sqllint" report')
assert log.contains("sqllint: formats: unknown report format 'html'; valid formats: sarif, checkstyle")
return true
