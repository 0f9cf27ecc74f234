from pkg.sub import mod

Y = mod.X
