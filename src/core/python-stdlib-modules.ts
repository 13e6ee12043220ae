// Python standard-library top-level module names (sys.stdlib_module_names of CPython 3.11, private ones left out),
// and how other versions differ (their "What's New" removals and additions).
// A pod script named like one of them would shadow it for every script in /app (sys.path[0] is /app).
// test/validation.test.ts compares the 3.11 list with the machine's python3.
export const PYTHON_STDLIB_MODULES: ReadonlySet<string> = new Set([
  "abc", "aifc", "antigravity", "argparse", "array", "ast", "asynchat", "asyncio", "asyncore", "atexit",
  "audioop", "base64", "bdb", "binascii", "bisect", "builtins", "bz2", "cProfile", "calendar", "cgi",
  "cgitb", "chunk", "cmath", "cmd", "code", "codecs", "codeop", "collections", "colorsys", "compileall",
  "concurrent", "configparser", "contextlib", "contextvars", "copy", "copyreg", "crypt", "csv", "ctypes",
  "curses", "dataclasses", "datetime", "dbm", "decimal", "difflib", "dis", "distutils", "doctest", "email",
  "encodings", "ensurepip", "enum", "errno", "faulthandler", "fcntl", "filecmp", "fileinput", "fnmatch",
  "fractions", "ftplib", "functools", "gc", "genericpath", "getopt", "getpass", "gettext", "glob",
  "graphlib", "grp", "gzip", "hashlib", "heapq", "hmac", "html", "http", "idlelib", "imaplib", "imghdr",
  "imp", "importlib", "inspect", "io", "ipaddress", "itertools", "json", "keyword", "lib2to3", "linecache",
  "locale", "logging", "lzma", "mailbox", "mailcap", "marshal", "math", "mimetypes", "mmap", "modulefinder",
  "msilib", "msvcrt", "multiprocessing", "netrc", "nis", "nntplib", "nt", "ntpath", "nturl2path", "numbers",
  "opcode", "operator", "optparse", "os", "ossaudiodev", "pathlib", "pdb", "pickle", "pickletools", "pipes",
  "pkgutil", "platform", "plistlib", "poplib", "posix", "posixpath", "pprint", "profile", "pstats", "pty",
  "pwd", "py_compile", "pyclbr", "pydoc", "pydoc_data", "pyexpat", "queue", "quopri", "random", "re",
  "readline", "reprlib", "resource", "rlcompleter", "runpy", "sched", "secrets", "select", "selectors",
  "shelve", "shlex", "shutil", "signal", "site", "smtpd", "smtplib", "sndhdr", "socket", "socketserver",
  "spwd", "sqlite3", "sre_compile", "sre_constants", "sre_parse", "ssl", "stat", "statistics", "string",
  "stringprep", "struct", "subprocess", "sunau", "symtable", "sys", "sysconfig", "syslog", "tabnanny",
  "tarfile", "telnetlib", "tempfile", "termios", "textwrap", "this", "threading", "time", "timeit",
  "tkinter", "token", "tokenize", "tomllib", "trace", "traceback", "tracemalloc", "tty", "turtle",
  "turtledemo", "types", "typing", "unicodedata", "unittest", "urllib", "uu", "uuid", "venv", "warnings",
  "wave", "weakref", "webbrowser", "winreg", "winsound", "wsgiref", "xdrlib", "xml", "xmlrpc", "zipapp",
  "zipfile", "zipimport", "zlib", "zoneinfo",
]);

const REMOVED_IN_3_12 = ['asynchat', 'asyncore', 'distutils', 'imp', 'smtpd'];
// PEP 594's dead batteries, and lib2to3.
const REMOVED_IN_3_13 = ['aifc', 'audioop', 'cgi', 'cgitb', 'chunk', 'crypt', 'imghdr', 'lib2to3', 'mailcap', 'msilib', 'nis', 'nntplib',
  'ossaudiodev', 'pipes', 'sndhdr', 'spwd', 'sunau', 'telnetlib', 'uu', 'xdrlib'];

/** Differences from the 3.11 list, by version: modules added to it and removed from it. */
const DIFFERENCES: Record<string, { add: readonly string[]; remove: readonly string[] }> = {
  '3.7': { add: ['binhex', 'dummy_threading', 'formatter', 'macpath', 'parser', 'symbol'], remove: ['graphlib', 'tomllib', 'zoneinfo'] },
  '3.8': { add: ['binhex', 'dummy_threading', 'formatter', 'parser', 'symbol'], remove: ['graphlib', 'tomllib', 'zoneinfo'] },
  '3.9': { add: ['binhex', 'formatter', 'parser', 'symbol'], remove: ['tomllib'] },
  '3.10': { add: ['binhex'], remove: ['tomllib'] },
  '3.11': { add: [], remove: [] },
  '3.12': { add: [], remove: REMOVED_IN_3_12 },
  '3.13': { add: [], remove: [...REMOVED_IN_3_12, ...REMOVED_IN_3_13] },
  '3.14': { add: ['annotationlib', 'compression'], remove: [...REMOVED_IN_3_12, ...REMOVED_IN_3_13] },
};

/** The standard library of a Python version ("3.10"); every version's names together when it is not known. */
export function stdlibModules(version?: string): ReadonlySet<string> {
  const difference = version === undefined ? undefined : DIFFERENCES[version];
  if (!difference) return new Set([...PYTHON_STDLIB_MODULES, ...Object.values(DIFFERENCES).flatMap((item) => item.add)]);
  return new Set([...PYTHON_STDLIB_MODULES, ...difference.add].filter((name) => !difference.remove.includes(name)));
}
