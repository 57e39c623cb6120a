# case: refuses the command string 'args' cannot be traced
# case: refuses **platform_settings sets executable= (line 19) too, the program that runs the command string in place of /bin/sh
"""Shaped like subprocess-tee's _stream_subprocess(): a drop-in for subprocess.run() that
runs a string under a shell, whose **platform_settings names the shell."""
import asyncio
import os
import platform
from typing import Any, Dict, List, Union


async def _stream_subprocess(args: Union[str, List[str]], **kwargs: Any):
    platform_settings: Dict[str, Any] = {}
    if platform.system() == "Windows":
        platform_settings["env"] = os.environ

    # We need to tell subprocess which shell to use when running shell-like
    # commands.
    if "executable" not in kwargs and isinstance(args, str) and " " in args:
        platform_settings["executable"] = os.environ.get("SHELL", "/bin/sh")

    if isinstance(args, str):
        process = await asyncio.create_subprocess_shell(
            args,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            **platform_settings,
        )
    else:
        process = await asyncio.create_subprocess_exec(
            *args,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            **platform_settings,
        )
    return await process.wait()


def run(args: Union[str, List[str]], **kwargs: Any):
    return asyncio.run(_stream_subprocess(args, **kwargs))
