"""The codemod kit: small helpers every codemod shares, one module per concern.

- :mod:`.source`: the code of a node;
- :mod:`.names`: cached qualified names, dotted names;
- :mod:`.calls`: call arguments, ``*args``/``**kwargs`` included;
- :mod:`.quotes`: the module's quote style and building string literals;
- :mod:`.imports`: stdlib imports in OpenStack hacking order, the import block;
- :mod:`.loggers`: the module's logger;
- :mod:`.lines`: the target project's line length, wrapping a call;
- :mod:`.growth`: keeping a line that an edit lengthens within that length;
- :mod:`.pyproject`: ``pyproject.toml``, parsed once per run;
- :mod:`.compiled`: does a source compile;
- :mod:`.text`: where a name is written, for text tests before any parse.
"""
