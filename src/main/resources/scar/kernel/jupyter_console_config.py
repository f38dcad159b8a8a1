# Loaded by `scar kernel console` (through JUPYTER_CONFIG_PATH, after the user's own console configuration).
#
# jupyter-console 6.4.4 (Debian 12) relays Ctrl-C to the kernel from a SIGINT handler that prompt_toolkit replaces
# with Python's default one after the first prompt. From then on Ctrl-C only stops the console's own wait and the
# cell keeps running, whatever the kernel (jupyter/jupyter_console#296). This puts the relay back while a cell runs.
import signal

from jupyter_console.ptshell import ZMQTerminalInteractiveShell

_scar_run_cell = ZMQTerminalInteractiveShell.run_cell


def _scar_run_cell_relaying_ctrl_c(self, cell, store_history=True):
    relay = getattr(getattr(self, "parent", None), "handle_sigint", None)
    previous = signal.signal(signal.SIGINT, relay) if relay is not None else None
    try:
        return _scar_run_cell(self, cell, store_history)
    finally:
        if relay is not None:
            signal.signal(signal.SIGINT, previous)


ZMQTerminalInteractiveShell.run_cell = _scar_run_cell_relaying_ctrl_c

# The console waits a second for the kernel to say whether a line ends the cell, then stops asking for the rest of
# the session (every cell then needs a blank line). The first answer can take longer while the kernel is still
# compiling its start-up imports, so wait up to ten seconds (a setting of your own wins over this one).
c = get_config()  # noqa: F821 (provided by the config loader)
c.ZMQTerminalInteractiveShell.kernel_is_complete_timeout = 10
