"""PyInstaller's entry script (a package's ``__main__.py`` run as a script loses its package).

``--self-test`` is answered here, before the CLI parses anything, so every bundle can check itself
whatever the command line accepts.
"""

import sys

if "--self-test" in sys.argv[1:]:
    from parapp.selftest import run_self_test

    args = sys.argv[1:]
    lang = args[args.index("--lang") + 1] if "--lang" in args[:-1] else "vi"
    sys.exit(run_self_test(lang=lang))

from parapp.__main__ import entry

entry()
