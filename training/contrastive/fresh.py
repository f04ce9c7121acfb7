FRESH = {}
def rows(labels):
    return []
