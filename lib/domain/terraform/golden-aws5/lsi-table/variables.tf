# No inputs: everything this module needs comes from the request (see request.json).
