from .. import helper

Y = helper.X
