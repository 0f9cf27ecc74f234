import re

WORD = re.compile(ur"\w+")
