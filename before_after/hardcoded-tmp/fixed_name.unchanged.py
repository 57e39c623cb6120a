# case: unsafe
# case: refuses joining tempfile.gettempdir() would only hide the finding
def write_state(state):
    with open("/tmp/agent-state.json", "w") as handle:
        handle.write(state)
