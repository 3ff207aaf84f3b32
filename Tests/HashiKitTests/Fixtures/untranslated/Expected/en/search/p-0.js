HashiSearch.register("en","p-0",{"hom":"A1V","welcom":"A2S"});
