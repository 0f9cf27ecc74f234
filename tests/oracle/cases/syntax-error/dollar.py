price = 2
total = $price * 2
