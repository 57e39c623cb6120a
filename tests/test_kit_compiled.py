from cwemod.codemods.kit.compiled import compile_error


def test_valid_source_compiles():
    assert compile_error("x = 1\n", "ok.py") is None
    assert compile_error(b"x = 1\n", "ok.py") is None


def test_syntax_error_is_returned_with_the_file_name():
    error = compile_error("def f(:\n", "bad.py")
    assert isinstance(error, SyntaxError) and error.filename == "bad.py"


def test_nul_byte_is_an_error_not_a_crash():
    assert compile_error(b"x = 1\x00\n", "nul.py") is not None


def test_cwemods_own_future_imports_do_not_leak_into_the_check():
    # cwemod's modules use ``from __future__ import annotations``; the target's code must not.
    assert compile_error("from __future__ import annotations\nx: undefined = 1\n", "f.py") is None
    assert compile_error("x = 1\nfrom __future__ import annotations\n", "late.py") is not None
